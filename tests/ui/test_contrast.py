"""Readability: every text colour of the theme on every background it is drawn on (WCAG 1.4.6)."""

from __future__ import annotations

import re

import pytest

from kiosk.ui.resources import asset_path
from kiosk.ui.theme import COLOURS, MIN_CONTRAST, TEXT_PAIRS

BLOCK = re.compile(r"([^{}$]+)\{((?:\$\{\w+\}|[^{}])*)\}")
"""A rule: its selector, and its declarations (which hold ``${role}`` placeholders)."""
ROLE = re.compile(r"\$\{(\w+)\}")


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#RRGGBB``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _template() -> str:
    text = asset_path("theme", "kiosk.qss").read_text(encoding="utf-8")
    return re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)


def _declared(block: str, prop: str) -> str | None:
    found = re.search(rf"(?<![-\w]){prop}:\s*\$\{{(\w+)\}}", block)
    return found.group(1) if found else None


def test_the_contrast_of_the_known_pairs() -> None:
    """The formula itself, on pairs whose ratios are published."""
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(("text", "background", "size"), TEXT_PAIRS)
def test_every_text_colour_is_readable_on_its_background(
    text: str, background: str, size: str
) -> None:
    ratio = contrast(COLOURS[text], COLOURS[background])
    print(f"{text} on {background} ({size}): {ratio:.1f}:1")
    assert ratio >= MIN_CONTRAST[size]  # type: ignore[index]


def test_the_theme_names_colours_only_by_role() -> None:
    """No colour is written into kiosk.qss by value: each comes from a role that the pairs cover."""
    body = re.sub(r"#[A-Za-z]\w*", "", _template())  # object names in selectors
    assert re.findall(r"#[0-9A-Fa-f]{3,8}\b", body) == []
    used = {name for name in ROLE.findall(_template()) if name in COLOURS}
    assert used <= set(COLOURS)


def test_every_rule_with_text_and_background_is_a_known_pair() -> None:
    """A rule that sets both colours draws that pair; a rule that sets only the text colour draws
    on a background some pair lists for it."""
    pairs = {(text, background) for text, background, _ in TEXT_PAIRS}
    texts = {text for text, _ in pairs}
    rules = [(selector.strip(), block) for selector, block in BLOCK.findall(_template())]
    backgrounds = {selector: _declared(block, "background") for selector, block in rules}
    missing = []
    for selector, block in rules:
        text, background = _declared(block, "color"), _declared(block, "background")
        if text is None:
            continue
        if background is None and " " in selector:  # "QFrame#StatusBar QLabel": the frame's
            background = backgrounds.get(selector.split(" ")[0])
        if text not in texts or (background is not None and (text, background) not in pairs):
            missing.append(f"{selector}: {text} on {background or 'its parent'}")
    assert missing == []
