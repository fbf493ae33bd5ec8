"""confterm's own colour theme: high contrast, for low vision and bright rooms.

Every text colour reaches at least 7:1 (WCAG AAA) against the background and
4.5:1 (AA) against the panels; a test computes the ratios from this theme.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="confterm-high-contrast",
    primary="#FFFFFF",
    secondary="#FFFF00",
    accent="#FFD700",
    warning="#FFD700",
    error="#FF8080",
    success="#7CFC00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#262626",
    dark=True,
    text_alpha=1.0,
    variables={
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#4D4D00",
        "block-cursor-blurred-foreground": "#FFFFFF",
        "block-hover-background": "#333333",
        "footer-key-foreground": "#FFFF00",
        "text-muted": "#D0D0D0",
        "text-accent": "#FFD700",
        "input-selection-background": "#FFFF00 60%",
    },
)
