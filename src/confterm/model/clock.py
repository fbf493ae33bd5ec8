"""The time confterm believes it is: the system clock, or a demo/test clock."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Clock:
    """Real time, or time starting at *start* (``--now``) and advancing with the
    real clock; a *frozen* clock never advances (for tests)."""

    start: dt.datetime | None = None
    frozen: bool = False
    _origin: float = field(default_factory=time.monotonic, compare=False, repr=False)

    def now(self) -> dt.datetime:
        if self.start is None:
            return dt.datetime.now(dt.UTC)
        start = self.start if self.start.tzinfo else self.start.astimezone()
        if self.frozen:
            return start
        return start + dt.timedelta(seconds=time.monotonic() - self._origin)
