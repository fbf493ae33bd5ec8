"""Sessions written as JSON without pydantic read exactly as pydantic writes them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from confterm.formats.detect import load_any
from confterm.model.plain_json import instant_text, session_json
from confterm.model.programme import Programme, Session

from .conftest import CORPUS
from .test_facets import PROGRAMME as CONGRESS

ADAPTER = TypeAdapter(Session)


def corpus() -> list[Programme]:
    found = [CONGRESS]
    for path in sorted((CORPUS / "formats").iterdir()):
        found.append(load_any(path.read_bytes(), str(path), timezone="Europe/Berlin"))
    return found


@pytest.mark.parametrize("given", [*corpus(), None], ids=lambda p: p.id if p else "bundled")
def test_every_session_as_pydantic_writes_it(given: Programme | None,
                                             programme: Programme) -> None:
    for session in (given or programme).sessions:
        assert session_json(session) == ADAPTER.dump_python(session, mode="json"), session.id
        # and it is JSON as it stands
        assert json.loads(json.dumps(session_json(session))) == session_json(session)


@given(st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)),
       st.integers(min_value=-14 * 60, max_value=14 * 60))
def test_instants_with_any_offset(moment: dt.datetime, minutes: int) -> None:
    aware = moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))
    assert instant_text(aware) == TypeAdapter(dt.datetime).dump_python(aware, mode="json")


def test_one_instant_in_two_offsets_is_written_in_each() -> None:
    utc = dt.datetime(2024, 11, 12, 12, 0, tzinfo=dt.UTC)
    rio = utc.astimezone(dt.timezone(dt.timedelta(hours=-3)))
    assert utc == rio  # one instant
    assert (instant_text(utc), instant_text(rio)) == ("2024-11-12T12:00:00Z",
                                                     "2024-11-12T09:00:00-03:00")
