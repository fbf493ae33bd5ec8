"""Programme and network text is never parsed as markup: a rule on the source.

Textual and Rich read ``[...]`` in plain strings as markup, where ``[@click=…]``
is an action and ``[link=…]`` a hyperlink. confterm shows outside text through
``Content(text)`` or with ``markup=False`` only. These tests read every module
of the package and fail on any call that could hand a string to a markup
parser, whatever the string holds today.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).parents[1] / "src" / "confterm"


def _calls() -> Iterator[tuple[str, ast.Call]]:
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                yield f"{path.relative_to(SRC)}:{node.lineno}", node


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _is_false(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def test_every_notification_is_plain_text() -> None:
    offenders = [where for where, call in _calls()
                 if _name(call) == "notify" and not _is_false(_keyword(call, "markup"))]
    assert not offenders, f"notify() without markup=False at {offenders}"


def test_every_static_and_label_is_plain_text() -> None:
    offenders = [where for where, call in _calls()
                 if _name(call) in ("Static", "Label")
                 and not _is_false(_keyword(call, "markup"))]
    assert not offenders, f"Static/Label without markup=False at {offenders}"


def test_nothing_parses_markup_from_a_string() -> None:
    offenders = []
    for where, call in _calls():
        if _name(call) in ("from_markup", "render_markup"):
            offenders.append(f"{where} {_name(call)}()")
        markup = _keyword(call, "markup")
        if isinstance(markup, ast.Constant) and markup.value is True:
            offenders.append(f"{where} markup=True")
    assert not offenders, offenders


def test_rich_consoles_print_only_text_objects() -> None:
    """``Console.print("...")`` parses markup; confterm prints ``Text`` objects."""
    offenders = [where for where, call in _calls()
                 if isinstance(call.func, ast.Attribute) and call.func.attr == "print"
                 and call.args and isinstance(call.args[0], ast.JoinedStr | ast.Constant
                                              | ast.BinOp)]
    assert not offenders, f"console.print() of a string at {offenders}"


def test_palette_help_is_escaped() -> None:
    """The command palette reads a hit's help text as markup."""
    offenders = []
    for where, call in _calls():
        if _name(call) in ("Hit", "DiscoveryHit"):
            help_text = _keyword(call, "help")
            escaped = isinstance(help_text, ast.Call) and _name(help_text) == "escape"
            if help_text is not None and not escaped:
                offenders.append(where)
    assert not offenders, f"palette help not escaped at {offenders}"


def test_the_rules_see_a_violation(tmp_path: Path) -> None:
    """The checks above are only worth something if they can fail."""
    tree = ast.parse('app.notify(f"{title}")\nStatic(title)\nContent.from_markup(x)\n'
                     'console.print(f"[b]{x}")\nHit(1, x, y, help=text)\n')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    names = {_name(c) for c in calls}
    assert {"notify", "Static", "from_markup", "print", "Hit"} <= names
    assert all(not _is_false(_keyword(c, "markup")) for c in calls)
