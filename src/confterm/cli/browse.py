"""``confterm`` with no command: the interactive browser."""

from __future__ import annotations

import argparse
import os
import sys
import threading

from confterm.cli.common import open_programme, remember_opened
from confterm.cli.errors import EXIT_OK, EXIT_UNEXPECTED, UsageError
from confterm.cli.parser import now_option
from confterm.model.text import shown


def run_browse(args: argparse.Namespace) -> int:
    now = args.now
    if now is None and os.environ.get("CONFTERM_NOW"):
        try:
            now = now_option(os.environ["CONFTERM_NOW"])
        except argparse.ArgumentTypeError as error:
            raise UsageError(f"CONFTERM_NOW: {error}") from None
    from confterm.collection import paused_until_drawn

    with paused_until_drawn():  # see confterm.collection
        opened = open_programme(args)
        if not sys.stdout.isatty() and not os.environ.get("CONFTERM_FORCE_TUI"):
            raise UsageError(
                "the browser needs a terminal; try 'confterm sessions' for text output")
        from confterm.ui.app import ConftermApp

        while True:
            # Written beside the start-up (a file synced to disk takes a while),
            # not before it; the interpreter waits for it before it exits.
            threading.Thread(target=remember_opened, name="confterm-recent",
                             args=(opened,)).start()
            app = ConftermApp(opened.programme, now=now, source=opened)
            chosen = app.run()  # another programme, chosen in the open screen (o)
            if chosen is None or app.return_code:
                break
            opened = chosen
    if app.return_code:
        where = f"; the details are in {shown(app.crash_log)}" if app.crash_log else ""
        print(f"confterm: the browser stopped on an unexpected error{where}. "
              "Please report it.", file=sys.stderr)
        return EXIT_UNEXPECTED
    return EXIT_OK
