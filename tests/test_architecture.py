"""The core stays pure (no UI toolkit), no module imports itself round a loop,
and the package ships its data."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "confterm"
PURE = ("model", "storage", "formats", "opening", "conference")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _runtime_imports(path: Path, modules: set[str]) -> set[str]:
    """Every confterm module *path* imports when it runs, lazily inside functions
    too; imports only for type checkers (``if TYPE_CHECKING:``) are left out."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # "from confterm.ui.screens import help" imports the module help
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text("utf-8")))
    return found & modules


def import_cycles() -> list[list[str]]:
    """Groups of modules that import one another, directly or round a loop."""
    paths = {_module_name(p): p for p in SRC.rglob("*.py")}
    modules = set(paths)
    graph = {name: _runtime_imports(path, modules) - {name} for name, path in paths.items()}
    # Tarjan's strongly connected components; any with two or more modules is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            connect(name)
    return cycles


def test_no_module_imports_itself_round_a_loop() -> None:
    assert import_cycles() == []


def test_the_loop_finder_finds_loops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "confterm"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("def f():\n    from confterm import b\n")
    (package / "b.py").write_text("import confterm.a\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\n"
                                  "if TYPE_CHECKING:\n    import confterm.a\n")
    monkeypatch.setattr(sys.modules[__name__], "SRC", package)
    assert import_cycles() == [["confterm.a", "confterm.b"]]


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
