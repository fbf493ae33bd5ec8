"""Synthetic programmes for benchmarks: N sessions over D days in 100 rooms.

    python benchmarks/generate.py 10000 --days 10 --output /tmp/big.json
    python benchmarks/generate.py 10000 --format frab-xml --output /tmp/big.xml

Deterministic (seeded). The text is filler with accents, so search has work to do.
Besides confterm's own JSON, the same programme can be written as a c3voc
schedule.json, a frab schedule.xml or an iCalendar file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

WORDS = (
    "customs", "data", "blockchain", "sécurité", "détection", "réseau", "IoT", "supply",
    "chain", "risk", "intelligence", "artificielle", "cargo", "border", "trade",
    "facilitation", "single", "window", "e-commerce", "maritime", "aérien", "terrestre",
    "analytics", "cloud", "open", "source", "privacy", "identity", "biometrics",
    "interoperability", "standards", "résilience",
)


def real_description(number: int, markup: str) -> str:
    """About 600 characters as real exports write them: paragraphs, a list, a
    link, emphasis; Markdown (pretalx, c3voc) or HTML (Pentabarf). Deterministic."""
    rng = random.Random(number)

    def words(count: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(count))

    url = f"https://example.org/talks/{number}"
    points = [words(rng.randint(3, 7)) for _ in range(3)]
    if markup == "html":
        return (f"<p>{words(18).capitalize()} <b>{words(2)}</b> {words(14)}.</p>"
                f"<p>We will cover:</p><ul>{''.join(f'<li>{p}</li>' for p in points)}</ul>"
                f"<p>{words(12).capitalize()} <a href=\"{url}\">{words(2)}</a>, "
                f"<i>{words(3)}</i> {words(10)}.<br/>{words(8).capitalize()}.</p>")
    return (f"{words(18).capitalize()} **{words(2)}** {words(14)}.\n\nWe will cover:\n\n"
            + "".join(f"- {p}\n" for p in points)
            + f"\n{words(12).capitalize()} [{words(2)}]({url}), *{words(3)}* {words(10)}.\n"
            f"{words(8).capitalize()}.")


def generate(sessions: int, days: int, rooms: int = 100, seed: int = 2024) -> dict[str, Any]:
    rng = random.Random(seed)
    first = dt.date(2025, 9, 1)
    zone = "Europe/Berlin"
    offset = "+02:00"
    themes = [{"id": f"theme-{i}", "label": {"en": f"Theme {i} {WORDS[i % len(WORDS)]}",
                                             "fr": f"Thème {i}"}} for i in range(40)]
    tracks = [{"id": f"track-{i}", "name": {"en": f"Track {i}"}} for i in range(20)]
    people = [{"id": f"person-{i}", "name": f"Person {i} {rng.choice(WORDS).title()}"}
              for i in range(max(sessions // 2, 1))]
    entries = []
    per_room_day = max(sessions // (days * rooms), 1)
    slot = dt.timedelta(minutes=max(30, min(60, 600 // per_room_day)))
    count = 0
    for day_index in range(days):
        date = first + dt.timedelta(days=day_index)
        for room in range(rooms):
            start = dt.datetime.combine(date, dt.time(9, 0))
            for _ in range(per_room_day + (1 if room < (sessions // days) % rooms else 0)):
                if count >= sessions:
                    break
                end = start + slot - dt.timedelta(minutes=5)
                title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9)))
                entries.append({
                    "id": f"s{count}", "day": date.isoformat(),
                    "start": f"{start.isoformat()}{offset}", "end": f"{end.isoformat()}{offset}",
                    "kind": rng.choice(["talk", "talk", "workshop", "panel", "keynote"]),
                    "track": f"track-{rng.randrange(20)}", "room": f"room-{room}",
                    "themes": sorted({f"theme-{rng.randrange(40)}" for _ in range(2)}),
                    "people": [{"person": f"person-{rng.randrange(len(people))}"}],
                    "title": {"en": title.capitalize(), "fr": f"{title} (fr)"},
                    "description": {"en": " ".join(rng.choice(WORDS) for _ in range(40))},
                    "recorded": count % 5 != 0,  # one in five opted out
                })
                count += 1
                start += slot
    return {
        "format": "confterm-programme", "version": 1, "id": f"synthetic-{sessions}",
        "name": {"en": f"Synthetic conference ({sessions} sessions)"}, "timezone": zone,
        "languages": ["en", "fr"],
        "days": [{"date": (first + dt.timedelta(days=i)).isoformat()} for i in range(days)],
        "tracks": tracks,
        "rooms": [{"id": f"room-{i}", "name": f"Room {i}"} for i in range(rooms)],
        "themes": themes, "people": people, "sessions": entries,
    }


def _hours(start: str, end: str) -> str:
    minutes = int((dt.datetime.fromisoformat(end) - dt.datetime.fromisoformat(start))
                  .total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _by_day_and_room(data: dict[str, Any]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    rooms = {r["id"]: r["name"] for r in data["rooms"]}
    days: dict[str, dict[str, list[dict[str, Any]]]] = {d["date"]: {} for d in data["days"]}
    for session in data["sessions"]:
        days[session["day"]].setdefault(rooms[session["room"]], []).append(session)
    return days


def as_c3voc(data: dict[str, Any], real: bool = False) -> str:
    """As c3voc JSON; *real*: descriptions in Markdown, as pretalx writes them."""
    people = {p["id"]: p["name"] for p in data["people"]}
    tracks = {t["id"]: t["name"]["en"] for t in data["tracks"]}
    days = []
    for index, (date, rooms) in enumerate(_by_day_and_room(data).items(), 1):
        days.append({"index": index, "date": date, "rooms": {room: [{
            "id": n, "guid": f"00000000-0000-4000-8000-{n:012d}", "date": s["start"],
            "start": s["start"][11:16], "duration": _hours(s["start"], s["end"]),
            "room": room, "title": s["title"]["en"], "subtitle": "", "type": s["kind"],
            "track": tracks[s["track"]], "language": "en", "abstract": "",
            "description": real_description(n, "markdown") if real else s["description"]["en"],
            "do_not_record": not s["recorded"],
            "persons": [{"id": int(p["person"].split("-")[1]), "public_name": people[p["person"]]}
                        for p in s["people"]]}
            for s in sessions for n in [int(s["id"][1:])]] for room, sessions in rooms.items()}})
    schedule = {"schedule": {"version": "1", "conference": {
        "acronym": data["id"], "title": data["name"]["en"], "time_zone_name": data["timezone"],
        "days": days}}}
    return json.dumps(schedule, ensure_ascii=False)


def as_frab_xml(data: dict[str, Any], real: bool = False) -> str:
    """As frab XML; *real*: descriptions in HTML, as Pentabarf writes them."""
    from xml.sax.saxutils import escape, quoteattr

    people = {p["id"]: p["name"] for p in data["people"]}
    tracks = {t["id"]: t["name"]["en"] for t in data["tracks"]}
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<schedule><conference>',
           f"<acronym>{data['id']}</acronym><title>{escape(data['name']['en'])}</title>",
           f"<time_zone_name>{data['timezone']}</time_zone_name></conference>"]
    for index, (date, rooms) in enumerate(_by_day_and_room(data).items(), 1):
        out.append(f'<day index="{index}" date="{date}">')
        for room, sessions in rooms.items():
            out.append(f"<room name={quoteattr(room)}>")
            for s in sessions:
                n = int(s["id"][1:])
                about = real_description(n, "html") if real else s["description"]["en"]
                persons = "".join(f'<person id="{p["person"].split("-")[1]}">'
                                  f"{escape(people[p['person']])}</person>" for p in s["people"])
                out.append(
                    f'<event guid="00000000-0000-4000-8000-{n:012d}" id="{n}">'
                    f"<date>{s['start']}</date><start>{s['start'][11:16]}</start>"
                    f"<duration>{_hours(s['start'], s['end'])}</duration>"
                    f"<room>{escape(room)}</room><title>{escape(s['title']['en'])}</title>"
                    f"<track>{escape(tracks[s['track']])}</track><type>{s['kind']}</type>"
                    f"<language>en</language>"
                    f"<description>{escape(about)}</description>"
                    f"<persons>{persons}</persons><recording><license/>"
                    f"<optout>{'false' if s['recorded'] else 'true'}</optout></recording></event>")
            out.append("</room>")
        out.append("</day>")
    out.append("</schedule>\n")
    return "\n".join(out)


def as_ics(data: dict[str, Any]) -> str:
    rooms = {r["id"]: r["name"] for r in data["rooms"]}
    zone = data["timezone"]
    out = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//confterm//benchmark//EN",
           f"X-WR-CALNAME:{data['name']['en']}", f"X-WR-TIMEZONE:{zone}"]
    for s in data["sessions"]:
        start, end = (dt.datetime.fromisoformat(s[k]).strftime("%Y%m%dT%H%M%S")
                      for k in ("start", "end"))
        out += ["BEGIN:VEVENT", f"UID:{s['id']}@{data['id']}", "DTSTAMP:20250101T000000Z",
                f"DTSTART;TZID={zone}:{start}", f"DTEND;TZID={zone}:{end}",
                f"SUMMARY:{s['title']['en']}", f"DESCRIPTION:{s['description']['en']}",
                f"LOCATION:{rooms[s['room']]}", "END:VEVENT"]
    out.append("END:VCALENDAR")
    return "\r\n".join(out) + "\r\n"


WRITERS = {"confterm": lambda data: json.dumps(data, ensure_ascii=False),
           "c3voc-json": as_c3voc, "frab-xml": as_frab_xml, "ics": as_ics}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sessions", type=int)
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--rooms", type=int, default=100)
    parser.add_argument("--format", choices=sorted(WRITERS), default="confterm")
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    data = generate(args.sessions, args.days, args.rooms)
    args.output.write_text(WRITERS[args.format](data), encoding="utf-8")
    print(f"{len(data['sessions'])} sessions -> {args.output}")


if __name__ == "__main__":
    main()
