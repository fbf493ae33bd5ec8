"""``confterm changes``: what the browser's refreshes saw change in the programme."""

from __future__ import annotations

import argparse

from confterm.cli.common import load
from confterm.cli.errors import EXIT_OK
from confterm.cli.output import output_format, print_json, print_tsv
from confterm.model.text import shown


def run_changes(args: argparse.Namespace) -> int:
    from confterm.model.changes import latest_first
    from confterm.storage.bookmarks import BookmarkStore
    from confterm.storage.change_log import load_changes

    programme = load(args)
    agenda = BookmarkStore.open(programme.id)[0].agenda
    changes = latest_first(load_changes(programme.id), agenda.bookmarks.keys())
    chosen = output_format(args.format)
    if chosen == "json":
        print_json([{"session": c.session, "what": c.what, "before": c.before or None,
                     "after": c.after or None, "seen_at": c.when.isoformat(),
                     "bookmarked": c.session in agenda, "looked_at": c.seen}
                    for c in changes])
        return EXIT_OK
    # The log is a file in the data folder: what it says is shown, never obeyed.
    rows = ([shown(c.session), shown(c.what), _said(c.before), _said(c.after),
             c.when.isoformat(), "yes" if c.session in agenda else ""] for c in changes)
    if chosen == "tsv":
        print_tsv(("session", "what", "before", "after", "seen_at", "bookmarked"), rows)
    else:
        listed = list(rows)
        if not listed:
            print("No change seen yet: an open browser notes the changes it finds.")
        for session, what, before, after, when, marked in listed:
            star = "★ " if marked else "  "
            print(f"{star}{when[:16]}  {what:<9} {session}: {before} -> {after}".rstrip())
    return EXIT_OK


def _said(facts: dict[str, str]) -> str:
    return shown(" · ".join(x for x in (facts.get("start", "")[:16], facts.get("room", ""),
                                        facts.get("title", "")) if x))
