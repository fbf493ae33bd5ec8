"""Synthetic programmes for benchmarks: N sessions over D days in 100 rooms.

    python benchmarks/generate.py 10000 --days 10 --output /tmp/big.json

Deterministic (seeded). The text is filler with accents, so search has work to do.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sessions", type=int)
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--rooms", type=int, default=100)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    data = generate(args.sessions, args.days, args.rooms)
    args.output.write_text(json.dumps(data, ensure_ascii=False))
    print(f"{len(data['sessions'])} sessions -> {args.output}")


if __name__ == "__main__":
    main()
