"""The one error type a broken programme file raises, with every problem found."""

from __future__ import annotations

from dataclasses import dataclass

from confterm.model.text import neutralise

#: At most this many problems are reported for one file.
MAX_PROBLEMS = 50


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a programme, and where it is."""

    place: str  # "line 3, column 7" or a field path such as "sessions[d2-wa-iot].end"
    message: str
    line: int | None = None
    column: int | None = None
    excerpt: str | None = None  # the offending source line, for syntax errors

    def describe(self, source: str) -> str:
        where = f"{source}:{self.line}:{self.column}" if self.line else source
        text = f"{where}: {self.place}: {self.message}" if not self.line else (
            f"{where}: {self.message}")
        if self.excerpt is not None and self.column is not None:
            text += f"\n    {self.excerpt}\n    {' ' * (self.column - 1)}^"
        return text


class ProgrammeError(Exception):
    """A programme file that cannot be used, with every problem found in it."""

    def __init__(self, source: str, problems: list[Problem], *, truncated: bool = False):
        self.source = source
        self.problems = problems[:MAX_PROBLEMS]
        self.truncated = truncated or len(problems) > MAX_PROBLEMS
        super().__init__(self.report())

    def report(self, head: str | None = None) -> str:
        """Every problem, one a line, under *head* (by default, in English: the
        file, how many problems, and that it was not loaded)."""
        count = len(self.problems)
        if head is None:
            more = " (only the first ones are listed)" if self.truncated else ""
            noun = "problem" if count == 1 else "problems"
            head = f"{self.source}: {count} {noun} found{more}; the file was not loaded."
        lines = [head, *(p.describe(self.source) for p in self.problems)]
        return neutralise("\n".join(lines))  # file names and excerpts are untrusted
