"""Text that stays legible on any background: WCAG 2 contrast."""

from __future__ import annotations

from textual.color import Color


def legible_on(background: Color | None) -> str:
    """Black or white, whichever contrasts more with *background* (WCAG ratio)."""
    if background is None:
        return "#ffffff"
    black = contrast_ratio(background, Color(0, 0, 0))
    white = contrast_ratio(background, Color(255, 255, 255))
    return "#000000" if black >= white else "#ffffff"


def contrast_ratio(a: Color, b: Color) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""

    def luminance(color: Color) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        red, green, blue = color.rgb
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
