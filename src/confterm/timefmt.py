"""Formatting of days and times, shared by the CLI and the browser (no UI imports)."""

from __future__ import annotations

import datetime as dt

from confterm.i18n import _, language, translated
from confterm.model.programme import Programme, Session

#: Prefix of a time that is not from an official source.
INDICATIVE_MARK = "≈"


def time_range(session: Session, zone: dt.tzinfo | None, *, mark: bool = True) -> str:
    """'≈14:00–15:00' in *zone* (``None``: the system's local zone, DST included);
    a session of no length (a deadline) is just its time; one that ends the next
    day says so with the same short mark everywhere: '23:30–00:30+1' (it fits the
    time column of a list, so the title stays in line)."""
    start, end = session.start.astimezone(zone), session.end.astimezone(zone)
    prefix = INDICATIVE_MARK if mark and session.indicative else ""
    if end == start:
        return f"{prefix}{start:%H:%M}"
    days = (end.date() - start.date()).days
    suffix = f"+{days}" if days else ""
    return f"{prefix}{start:%H:%M}–{end:%H:%M}{suffix}"


def _date(day: dt.date, english: str, pattern: str) -> str:
    """*day* in the interface's language: English with *english* (strftime, C
    locale), else with Babel and the CLDR *pattern* ('mer. 13 nov.')."""
    lang = language()
    if lang == "en" or not translated(lang):
        return day.strftime(english).replace(" 0", " ")
    from babel.dates import format_date  # only when the interface is not in English

    return format_date(day, pattern, locale=lang)


def full_date(day: dt.date) -> str:
    """'Wednesday 13 November 2024' ('mercredi 13 novembre 2024')."""
    return _date(day, "%A %d %B %Y", "EEEE d MMMM y")


def weekday(day: dt.date) -> str:
    """'Wed' ('mer.'), in the interface's language."""
    return _date(day, "%a", "EEE")


def day_heading(programme: Programme, day: dt.date, lang: str) -> str:
    """'Day 3 · Thursday 14 November 2024 · AI Day' for a day of *programme*."""
    number = programme.day_index(day)
    label = programme.days[number - 1].label_in(lang)
    text = _("Day {number} · {date}").format(number=number, date=full_date(day))
    return f"{text} · {label}" if label else text


def day_tab(day: dt.date, label: str | None, *, month: bool = True) -> str:
    """Short label for a day tab, e.g. 'Thu 14 Nov · AI Day' ('jeu. 14 nov.');
    without *month*, 'Thu 14 · AI Day' ('jeu. 14 · Journée de l'IA')."""
    text = (_date(day, "%a %d %b", "EEE d MMM") if month
            else _date(day, "%a %d", "EEE d").replace(" 0", " "))
    return f"{text} · {label}" if label else text


def date_span(first: dt.date, last: dt.date) -> str:
    """'12–14 November 2024', '30 May – 2 June 2025'… ('12–14 novembre 2024')."""
    lang = language()
    if lang != "en" and translated(lang):
        long, short = _date(last, "", "d MMMM y"), _date(first, "", "d MMMM")
        if first == last:
            return long
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}–{long}"
        if first.year == last.year:
            return f"{short} – {long}"
        return f"{_date(first, '', 'd MMMM y')} – {long}"
    if first == last:
        return f"{first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"

