"""Share cards: the 1200×630 picture a link preview (Open Graph, Twitter, Zalo) shows.

Pure drawing with Pillow: a `Card` of texts, stars and an optional photo in, PNG bytes out.
It names no app; what a card says and where it is kept is the caller's (a product's card:
catalogue/share_image.py).

Fonts: DejaVu Sans, cut down to Latin and Vietnamese (core/fonts/, README there), so that
every diacritic renders on any server whatever fonts it has; then the system's DejaVu or
Noto (Debian fonts-dejavu-core, fonts-noto-core); then Pillow's built-in font, which lacks
Vietnamese marks but still draws a card rather than failing the request.
"""

import functools
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
PHOTO_WIDTH = 560  # the photo's panel on the right; the texts have the rest
MARGIN = 56

GREEN = (29, 94, 58)  # the site's --green
GREEN_DARK = (18, 61, 38)
GOLD = (200, 150, 30)  # --gold
CREAM = (250, 248, 243)  # --bg
PALE = (214, 230, 218)

FONT_FOLDER = Path(__file__).resolve().parent / "fonts"
SYSTEM_FONTS = {
    False: (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    ),
    True: (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    ),
}


@dataclass(frozen=True)
class Card:
    title: str  # the Vietnamese name, large
    subtitle: str = ""  # the English name, below it; left out when it reads the same
    lines: tuple = ()  # producer, village…: one line each
    stars: int | None = None  # the OCOP badge; None draws none (a lapsed certificate)
    footer: str = "OCOP Hà Nội"


@functools.lru_cache(maxsize=32)
def font(size, bold=False):
    """A font with Vietnamese coverage at `size` pixels (see the module's docstring)."""
    vendored = FONT_FOLDER / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    for path in (str(vendored), *SYSTEM_FONTS[bold]):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def clean(text):
    """NFC: a name typed with combining marks (some keyboards send them) is drawn with the
    font's own precomposed letters, which sit right without a shaping library."""
    return unicodedata.normalize("NFC", " ".join(str(text or "").split()))


def wrap(draw, text, face, width, max_lines):
    """`text` in lines no wider than `width`; the last one ends in "…" when it is cut."""
    words = text.split()
    lines, current = [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=face) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while draw.textlength(current, font=face) > width and len(current) > 1:
            # One word wider than the panel: cut it where it fits.
            cut = len(current) - 1
            while cut > 1 and draw.textlength(current[:cut], font=face) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and draw.textlength(last + "…", font=face) > width:
            last = last[:-1].rstrip()
        lines[-1] = last + "…"
    return lines


def cover(photo, width, height):
    """`photo` scaled to cover width×height and cropped from the centre."""
    photo = photo.convert("RGB")
    scale = max(width / photo.width, height / photo.height)
    scaled_w, scaled_h = max(width, round(photo.width * scale)), max(height, round(photo.height * scale))
    left, top = (scaled_w - width) // 2, (scaled_h - height) // 2
    return photo.resize((scaled_w, scaled_h), Image.Resampling.LANCZOS).crop((left, top, left + width, top + height))


def drawn_background(width, height):
    """The photo panel of a card without a photo: rings and a star in the site's colours."""
    panel = Image.new("RGB", (width, height), GREEN_DARK)
    draw = ImageDraw.Draw(panel)
    centre_x, centre_y = width // 2, height // 2
    for index, radius in enumerate(range(620, 40, -60)):
        draw.ellipse(
            (centre_x - radius, centre_y - radius, centre_x + radius, centre_y + radius),
            fill=GREEN if index % 2 else GREEN_DARK,
        )
    star = font(220, bold=True)
    draw.text((centre_x, centre_y), "★", font=star, fill=GOLD, anchor="mm")
    return panel


def badge(draw, x, y, stars):
    """ "OCOP ★★★★": a gold pill with the stars. Drawn here, not the official OCOP logo."""
    face = font(34, bold=True)
    text = "OCOP " + "★" * stars
    width = draw.textlength(text, font=face)
    draw.rounded_rectangle((x, y, x + width + 40, y + 60), radius=30, fill=GOLD)
    draw.text((x + 20, y + 30), text, font=face, fill=GREEN_DARK, anchor="lm")
    return y + 60


def render(card, photo=None):
    """The card as PNG bytes, 1200×630. `photo` is a PIL image or None."""
    image = Image.new("RGB", (WIDTH, HEIGHT), GREEN)
    panel = cover(photo, PHOTO_WIDTH, HEIGHT) if photo is not None else drawn_background(PHOTO_WIDTH, HEIGHT)
    image.paste(panel, (WIDTH - PHOTO_WIDTH, 0))
    draw = ImageDraw.Draw(image)
    text_width = WIDTH - PHOTO_WIDTH - 2 * MARGIN
    y = MARGIN
    if card.stars:
        y = badge(draw, MARGIN, y, card.stars) + 28

    title = clean(card.title)
    for size in (60, 52, 44):  # the largest size that fits in three lines
        face = font(size, bold=True)
        lines = wrap(draw, title, face, text_width, 3)
        if not lines or not lines[-1].endswith("…"):
            break
    for line in lines:
        draw.text((MARGIN, y), line, font=face, fill=(255, 255, 255))
        y += round(size * 1.22)

    subtitle = clean(card.subtitle)
    if subtitle and subtitle.casefold() != title.casefold():
        face = font(28)
        y += 6
        for line in wrap(draw, subtitle, face, text_width, 2):
            draw.text((MARGIN, y), line, font=face, fill=PALE)
            y += 36

    face = font(28)
    bottom = HEIGHT - MARGIN - 40
    lines = [clean(line) for line in card.lines if clean(line)]
    y = max(y + 24, bottom - 44 * len(lines) - 10)
    for line in lines:
        if y + 34 > bottom:
            break
        draw.text((MARGIN, y), wrap(draw, line, face, text_width, 1)[0], font=face, fill=CREAM)
        y += 44

    draw.text((MARGIN, HEIGHT - MARGIN), clean(card.footer), font=font(26, bold=True), fill=GOLD, anchor="ls")
    output = io.BytesIO()
    image.save(output, "PNG", optimize=True)
    return output.getvalue()
