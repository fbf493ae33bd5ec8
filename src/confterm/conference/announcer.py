"""A minimal publish/subscribe channel, free of any interface toolkit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Announcer(Generic[T]):
    """Calls every subscriber with each published value, in subscription order.

    Subscribers are keyed by an owner (a screen), so an owner that goes away
    unsubscribes with one call and never hears of later changes.
    """

    def __init__(self) -> None:
        self._subscribers: dict[object, Callable[[T], object]] = {}

    def subscribe(self, owner: object, callback: Callable[[T], object]) -> None:
        self._subscribers[owner] = callback

    def unsubscribe(self, owner: object) -> None:
        self._subscribers.pop(owner, None)

    def publish(self, value: T) -> None:
        for callback in list(self._subscribers.values()):
            callback(value)

    def __len__(self) -> int:
        return len(self._subscribers)
