"""pydantic's schemas kept between runs: a programme validated with the kept
ones is the same programme, a broken file the same report; a kept file that does
not read is rebuilt; and with them, opening a new programme imports no pydantic."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from confterm.formats.detect import load_any
from confterm.model import validation
from confterm.model.errors import ProgrammeError
from confterm.opening import schema_cache
from confterm.opening.cache import open_programme
from confterm.storage.paths import bundled_programme_path

from .conftest import CORPUS


def forget_validators(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new process: no validators made, the kept schemas not looked at."""
    monkeypatch.setattr(validation, "_validators", {})
    monkeypatch.setattr(schema_cache, "_state", {"ready": False})


def outcome(path: Path) -> object:
    try:
        return load_any(path.read_bytes(), str(path), timezone="Europe/Berlin")
    except ProgrammeError as error:
        return error.report()


def kept(isolated_dirs: Path) -> list[Path]:
    return list((isolated_dirs / "cache" / "schemas").glob("*.pickle"))


def test_the_kept_schemas_validate_as_pydantic_does(
        monkeypatch: pytest.MonkeyPatch, isolated_dirs: Path) -> None:
    files = [bundled_programme_path(), CORPUS / "minimal.json", CORPUS / "hostile.json",
             *sorted((CORPUS / "formats").iterdir()), *sorted((CORPUS / "broken").iterdir())]
    forget_validators(monkeypatch)
    by_pydantic = [outcome(path) for path in files]  # the validators built from the model
    open_programme(CORPUS / "minimal.json")  # the first opening keeps the schemas
    assert len(kept(isolated_dirs)) == 1
    forget_validators(monkeypatch)
    schema_cache.prepare_validation()
    assert set(validation._validators) == {"programme", "sessions"}  # made from the file
    assert [outcome(path) for path in files] == by_pydantic
    assert sum(isinstance(o, str) for o in by_pydantic) >= 15  # the broken ones, reported


def test_a_kept_file_that_does_not_read_is_built_again(
        monkeypatch: pytest.MonkeyPatch, isolated_dirs: Path) -> None:
    forget_validators(monkeypatch)
    open_programme(CORPUS / "minimal.json")
    (path,) = kept(isolated_dirs)
    path.write_bytes(b"not a pickle")
    forget_validators(monkeypatch)
    (isolated_dirs / "cache" / "validated").rename(isolated_dirs / "cache" / "old")
    programme = open_programme(CORPUS / "minimal.json")
    assert programme.id and path.read_bytes() != b"not a pickle"
    forget_validators(monkeypatch)
    schema_cache.prepare_validation()
    assert set(validation._validators) == {"programme", "sessions"}


def test_with_kept_schemas_a_new_programme_opens_without_pydantic(
        tmp_path: Path, isolated_dirs: Path) -> None:
    script = ("import sys\n"
              "from pathlib import Path\n"
              "from confterm.opening.cache import open_programme\n"
              "open_programme(Path(sys.argv[1]))\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n")
    env = {**os.environ}
    for name, path in ((CORPUS / "minimal.json", "a"), (bundled_programme_path(), "b")):
        copy = tmp_path / f"{path}.json"
        copy.write_bytes(name.read_bytes())
    first = subprocess.run([sys.executable, "-c", script, str(tmp_path / "a.json")], env=env,
                           capture_output=True, text=True, check=True)
    assert first.stdout.strip() != "[]"  # the schemas built: pydantic imported, once
    second = subprocess.run([sys.executable, "-c", script, str(tmp_path / "b.json")], env=env,
                            capture_output=True, text=True, check=True)
    assert second.stdout.strip() == "[]", second.stdout
