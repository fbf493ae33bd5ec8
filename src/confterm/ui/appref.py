"""Typed access to the running ConftermApp from screens and providers.

``confterm = AppRef()`` on a screen gives ``self.confterm`` the app's own type
without importing the app module at import time (it imports the screens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from confterm.ui.app import ConftermApp


def app_type() -> type[ConftermApp]:
    from confterm.ui.app import ConftermApp

    return ConftermApp


class AppRef:
    def __get__(self, node: Any, owner: type | None = None) -> ConftermApp:
        app = node.app
        assert isinstance(app, app_type())
        return app
