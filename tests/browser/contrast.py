"""A WCAG 2 contrast check of every visible text in a part of the page, run in the browser.

For each element with its own text (a non-blank text node, or an input's value), the check takes the
computed text colour and the background it is painted on: the element's and its ancestors' background
colours composited (alpha included) over the page's, and the ancestors' opacity applied to the text. It
reports every text under WCAG AA's 4.5:1 (3:1 for large text: 24 px, or 18.66 px bold). Disabled controls
are exempt, as WCAG exempts inactive components; hidden and zero-size elements are skipped.

``low_contrast`` runs the same computation on the elements a Playwright locator matches (their whole text),
and ``set_theme`` switches JupyterLab's theme: the one home of the contrast checks of the browser tests.
"""

from __future__ import annotations

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

AA_NORMAL = 4.5
AA_LARGE = 3.0

# WCAG 2 relative luminance and contrast; the background an element's text is painted on.
_WCAG_JS = r"""
  const parse = c => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const lum = c => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const background = el => {
    const layers = [];
    let opacity = 1;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const s = getComputedStyle(n);
      opacity *= Number(s.opacity);
      const c = parse(s.backgroundColor);
      if (c && c[3] > 0) layers.push(c);
      if (c && c[3] >= 1) break;
    }
    let bg = [255, 255, 255, 1];
    for (const c of layers.reverse()) bg = over(c, bg);
    return { bg, opacity };
  };
  const contrastOf = el => {
    const { bg, opacity } = background(el);
    const fg = parse(getComputedStyle(el).color);
    return fg ? ratio(over([fg[0], fg[1], fg[2], fg[3] * opacity], bg), bg) : null;
  };
"""

CONTRAST_JS = (
    r"""
([selector, normal, large]) => {"""
    + _WCAG_JS
    + r"""
  const ownText = el => {
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
      return (el.value || '').trim();
    }
    return Array.from(el.childNodes)
      .filter(n => n.nodeType === 3)
      .map(n => n.textContent.trim())
      .join(' ')
      .trim();
  };
  const out = [];
  let checked = 0;
  for (const root of document.querySelectorAll(selector)) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      const text = ownText(el);
      if (!text || el.closest('[hidden]') || el.disabled) continue;
      const rect = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      if (!rect.width || !rect.height || s.visibility !== 'visible' || s.display === 'none') continue;
      const { bg, opacity } = background(el);
      let fg = parse(s.color);
      if (!fg) continue;
      fg = over([fg[0], fg[1], fg[2], fg[3] * opacity], bg);
      const size = parseFloat(s.fontSize);
      const bold = Number(s.fontWeight) >= 700;
      const need = size >= 24 || (bold && size >= 18.66) ? large : normal;
      const r = ratio(fg, bg);
      checked += 1;
      if (r < need) {
        out.push({ text: text.slice(0, 60), cls: String(el.className), ratio: Math.round(r * 100) / 100,
                   need, fg: s.color, bg: 'rgb(' + bg.slice(0, 3).map(Math.round).join(',') + ')' });
      }
    }
  }
  return { checked, failures: out };
}
"""
)

ELEMENTS_JS = (
    r"""
els => {"""
    + _WCAG_JS
    + r"""
  return els.map(el => [el.textContent.slice(0, 40), contrastOf(el)]);
}
"""
)


def contrast_failures(page, selector: str) -> tuple[int, list[dict]]:
    """How many texts under ``selector`` were checked, and those below WCAG AA."""
    found = page.evaluate(CONTRAST_JS, [selector, AA_NORMAL, AA_LARGE])
    return int(found["checked"]), list(found["failures"])


def low_contrast(locator: Locator, need: float = AA_NORMAL) -> list[tuple[str, float]]:
    """Text (first 40 characters) and contrast of each element ``locator`` matches that is below ``need``."""
    found = locator.evaluate_all(ELEMENTS_JS)
    return [(text, round(r, 2)) for text, r in found if r is not None and r < need]


def set_theme(page: Page, theme: str) -> None:
    """Switch JupyterLab to ``"Light"`` or ``"Dark"`` (or ``"JupyterLab Light"`` ...) from the command palette."""
    name = theme if theme.startswith("JupyterLab") else f"JupyterLab {theme}"
    palette = page.locator(".lm-CommandPalette-input")
    for _ in range(3):
        if not palette.is_visible():
            page.evaluate("document.activeElement && document.activeElement.blur()")
            page.keyboard.press("Control+Shift+C")
        try:
            # a notebook opened a moment ago takes the focus once its kernel is up, which closes the palette (seen
            # 3 s after the lab opened, in test_panel_long_list_s20_ux10): open it again then
            palette.fill(f"Use Theme: {name}", timeout=3_000)
            break
        except PlaywrightError:
            continue
    page.keyboard.press("Enter")
    light = "false" if "Dark" in name else "true"
    expect(page.locator(f"body[data-jp-theme-light='{light}']")).to_have_count(1, timeout=15_000)
    page.wait_for_timeout(400)


def color_contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two opaque ``#rrggbb`` colours (e.g. a chart mark and its background)."""

    def luminance(color: str) -> float:
        channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((luminance(first), luminance(second)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
