"""The core stays pure (no UI toolkit) and the package ships its data."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "confterm"
PURE = ("model", "storage", "formats")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", PURE)
def test_core_packages_never_import_textual(package: str) -> None:
    for path in (SRC / package).rglob("*.py"):
        bad = {n for n in _imports(path) if n.split(".")[0] == "textual"
               or n.startswith("confterm.ui")}
        assert not bad, f"{path.relative_to(SRC)} imports {bad}"


def test_importing_the_core_loads_no_textual() -> None:
    code = ("import sys, confterm.model.loader, confterm.model.view, confterm.cli;"
            "import confterm.storage;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_the_wheel_ships_the_programme_and_its_schema(tmp_path: Path) -> None:
    root = SRC.parents[1]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(tmp_path), str(root)],
                   check=True, capture_output=True)
    wheel = next(tmp_path.glob("confterm-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "confterm/data/programme.json" in names
    assert "confterm/data/programme.schema.json" in names
    assert "confterm/py.typed" in names
    packaged = zipfile.ZipFile(wheel).read("confterm/data/programme.json")
    assert packaged == (root / "data" / "programme.json").read_bytes()
