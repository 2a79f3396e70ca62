"""Demo product pictures: one simple still life per product kind, drawn with Pillow.

No downloads and no fonts: every picture is shapes only, drawn at twice the size and scaled
down so the edges are smooth, in the colours of the product's craft. The same (kind, craft,
seed, variant) always gives the same JPEG, so reloading the demo changes nothing.

`KINDS` lists every kind that has a drawing; `demo.data` gives each demo product
one of them, and `draw_product_image` draws a demo product's picture from its kind.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

from demo.stable import stable_int

WIDTH, HEIGHT = 800, 600
SCALE = 2  # drawn at 1600×1200, saved at 800×600: smooth edges without antialiasing support
TABLE_Y = 430  # where the table top meets the wall

# (main colour, accent colour, wall colour) per craft, and for goods without a craft.
PALETTES = {
    "ceramics": ((38, 86, 150), (236, 240, 246), (226, 232, 238)),
    "silk-weaving": ((176, 36, 72), (242, 196, 92), (246, 236, 226)),
    "lotus-silk": ((196, 150, 120), (226, 126, 150), (244, 240, 228)),
    "lacquer": ((150, 24, 22), (214, 164, 52), (238, 228, 212)),
    "mother-of-pearl": ((34, 30, 36), (226, 232, 240), (232, 226, 216)),
    "rattan-bamboo": ((176, 128, 62), (112, 78, 40), (238, 232, 214)),
    "woodwork": ((122, 72, 36), (196, 150, 96), (234, 226, 214)),
    "garments": ((44, 70, 130), (236, 226, 206), (238, 236, 232)),
    "leather-shoes": ((104, 56, 28), (60, 36, 22), (236, 228, 220)),
    "to-he": ((226, 70, 56), (250, 204, 52), (236, 240, 230)),
    "conical-hats": ((226, 214, 170), (196, 60, 90), (210, 226, 206)),
    "lotus-tea": ((52, 116, 72), (232, 132, 162), (240, 236, 222)),
    "confectionery": ((190, 140, 70), (140, 40, 40), (244, 236, 220)),
    "knitting": ((178, 58, 52), (240, 230, 214), (236, 236, 240)),
    "food-processing": ((196, 150, 80), (150, 40, 40), (242, 236, 222)),
    "vermicelli": ((214, 206, 190), (200, 56, 46), (236, 232, 222)),
    "soy-sauce": ((96, 52, 24), (204, 60, 40), (240, 232, 216)),
    "food": ((70, 140, 60), (200, 60, 40), (236, 240, 226)),
    "beverages": ((150, 110, 50), (200, 60, 40), (238, 232, 220)),
    "herbs": ((70, 110, 50), (210, 170, 60), (234, 238, 224)),
    "ornamental": ((196, 40, 60), (60, 130, 60), (234, 240, 236)),
    "tourism": ((60, 130, 70), (170, 70, 40), (206, 226, 240)),
}
DEFAULT_PALETTE = ((70, 110, 60), (200, 150, 80), (236, 232, 222))

# Where one craft's products differ in colour: Bát Tràng's glazes are named in the products.
KIND_COLOURS = {
    ("ceramics", "teaset"): (118, 120, 84),  # crackle glaze, brown-green
    ("ceramics", "vase"): (150, 36, 70),  # flambé glaze, red running to purple
    ("ceramics", "bowl"): (132, 142, 118),  # ash glaze, grey-green
    ("ceramics", "cup"): (104, 58, 30),  # brown glaze
    ("lotus-silk", "tie"): (150, 120, 90),
}

LEAF = (62, 132, 58)
LEAF_DARK = (38, 92, 40)
WOOD = (134, 84, 44)
WHITE = (248, 246, 240)


def shade(colour, factor):
    """Darker (factor < 1) or lighter (factor > 1, towards white) version of a colour."""
    if factor <= 1:
        return tuple(int(c * factor) for c in colour)
    return tuple(int(c + (255 - c) * (factor - 1)) for c in colour)


class Canvas:
    """ImageDraw with coordinates in the 800×600 picture space."""

    def __init__(self, image):
        self.draw = ImageDraw.Draw(image)

    @staticmethod
    def _xy(points):
        return [(x * SCALE, y * SCALE) for x, y in points]

    def box(self, box):
        return [v * SCALE for v in box]

    def ellipse(self, box, fill, outline=None, width=1):
        self.draw.ellipse(self.box(box), fill=fill, outline=outline, width=width * SCALE)

    def rings(self, box, count, step, squash, outline, width=3):
        """`count` ellipses inside `box`, each `step` narrower on both sides and
        `step * squash` lower on both: the rings of a woven tray or a conical hat."""
        left, top, right, bottom = box
        for k in range(1, count + 1):
            inset = k * step
            self.ellipse(
                [left + inset, top + inset * squash, right - inset, bottom - inset * squash], None, outline, width
            )

    def rect(self, box, fill, outline=None, width=1, radius=0):
        self.draw.rounded_rectangle(
            self.box(box), radius=radius * SCALE, fill=fill, outline=outline, width=width * SCALE
        )

    def poly(self, points, fill, outline=None, width=1):
        self.draw.polygon(self._xy(points), fill=fill, outline=outline, width=width * SCALE)

    def line(self, points, fill, width=2):
        self.draw.line(self._xy(points), fill=fill, width=int(width * SCALE), joint="curve")

    def arc(self, box, start, end, fill, width=2):
        self.draw.arc(self.box(box), start, end, fill=fill, width=int(width * SCALE))

    def pie(self, box, start, end, fill):
        self.draw.pieslice(self.box(box), start, end, fill=fill)

    def chord(self, box, start, end, fill):
        self.draw.chord(self.box(box), start, end, fill=fill)

    def circle(self, x, y, r, fill, outline=None, width=1):
        self.ellipse([x - r, y - r, x + r, y + r], fill, outline, width)

    def lathe(self, cx, profile, fill, steps=60):
        """A round object seen from the side: `profile` is [(y, half width), …] top to bottom."""
        ys = [p[0] for p in profile]
        points = []
        for i in range(steps + 1):
            y = ys[0] + (ys[-1] - ys[0]) * i / steps
            points.append((y, _interpolate(profile, y)))
        right = [(cx + w, y) for y, w in points]
        left = [(cx - w, y) for y, w in reversed(points)]
        self.poly(right + left, fill)
        return points


def _interpolate(profile, y):
    """Half width at height y: cosine easing between control points, so outlines curve."""
    for (y0, w0), (y1, w1) in zip(profile, profile[1:]):
        if y0 <= y <= y1:
            t = 0 if y1 == y0 else (y - y0) / (y1 - y0)
            t = (1 - math.cos(math.pi * t)) / 2
            return w0 + (w1 - w0) * t
    return profile[-1][1]


# --- ceramics -------------------------------------------------------------------------------
def draw_vase(c, rng, main, accent):
    cx = 400 + rng.randint(-30, 30)
    top = 110 + rng.randint(0, 40)
    profile = [(top, 50), (top + 20, 40), (top + 70, 52), (top + 170, 118), (top + 260, 112), (470, 62)]
    c.lathe(cx, profile, main)
    c.ellipse([cx - 50, top - 12, cx + 50, top + 12], shade(main, 0.55))
    c.ellipse([cx - 38, top - 7, cx + 38, top + 7], shade(main, 0.35))
    # glaze highlight and a painted band
    c.ellipse([cx - 90, top + 140, cx - 62, top + 280], shade(main, 1.35))
    for y in (top + 110, top + 300):
        w = _interpolate(profile, y)
        c.arc([cx - w, y - 18, cx + w, y + 18], 0, 180, accent, 5)
    _flower(c, cx + 18, top + 200, 34, accent, shade(main, 0.7))


def draw_lucky_pot(c, rng, main, accent):
    cx = 400
    profile = [(200, 70), (215, 95), (290, 160), (380, 150), (470, 88)]
    c.lathe(cx, profile, main)
    c.ellipse([cx - 82, 176, cx + 82, 214], shade(main, 0.8))  # lid
    c.lathe(cx, [(140, 10), (150, 30), (180, 66), (196, 82)], shade(main, 0.9))
    c.circle(cx, 136, 16, accent)
    c.ellipse([cx - 120, 262, cx - 92, 400], shade(main, 1.35))
    # painted clouds and a gold rim line
    c.arc([cx - 152, 262, cx + 152, 322], 0, 180, accent, 6)
    for x in (cx - 60, cx + 40):
        _cloud(c, x, 360, accent)


def _cloud(c, x, y, colour):
    for dx, dy, r in ((0, 0, 20), (22, -8, 16), (40, 2, 18)):
        c.ellipse([x + dx - r, y + dy - r, x + dx + r, y + dy + r], None, colour, 4)


def _flower(c, x, y, r, petal, centre):
    for k in range(6):
        a = k * math.pi / 3
        px, py = x + math.cos(a) * r * 0.6, y + math.sin(a) * r * 0.6
        c.ellipse([px - r * 0.45, py - r * 0.45, px + r * 0.45, py + r * 0.45], petal)
    c.circle(x, y, r * 0.3, centre)


def _bowl(c, cx, y, w, h, main, inner, accent=None):
    """A bowl seen a little from above: rim at y, depth h, half width w."""
    c.chord([cx - w, y - h, cx + w, y + h], 0, 180, main)
    c.rect([cx - w * 0.35, y + h - 8, cx + w * 0.35, y + h + 6], shade(main, 0.8), radius=3)
    c.ellipse([cx - w, y - w * 0.22, cx + w, y + w * 0.22], inner)
    c.ellipse([cx - w, y - w * 0.22, cx + w, y + w * 0.22], None, shade(main, 0.7), 3)
    if accent:
        c.arc([cx - w * 0.9, y - h * 0.4, cx + w * 0.9, y + h * 0.7], 10, 170, accent, 5)


def draw_bowl(c, rng, main, accent):
    inner = shade(main, 1.7) if sum(main) < 300 else shade(main, 1.3)
    # a plate standing behind, two bowls in front
    c.ellipse([420, 150, 640, 370], shade(main, 0.9))
    c.ellipse([445, 175, 615, 345], inner)
    c.ellipse([480, 210, 580, 310], None, accent, 5)
    _bowl(c, 300, 330, 140, 120, main, inner, accent)
    _bowl(c, 540, 400, 100, 70, main, inner, accent)


def draw_plate(c, rng, main, accent):
    c.poly([(330, 470), (470, 470), (420, 400), (380, 400)], WOOD)  # stand
    c.circle(400, 260, 200, shade(accent, 0.92))
    c.circle(400, 260, 200, None, main, 10)
    c.circle(400, 260, 150, None, shade(main, 1.3), 3)
    # a lotus painted in cobalt: petals, a leaf and a stem
    c.ellipse([300, 250, 430, 330], main)
    c.line([(400, 290), (430, 380)], main, 6)
    for k, angle in enumerate((-60, -30, 0, 30, 60)):
        a = math.radians(angle - 90)
        x, y = 440 + math.cos(a) * 40, 230 + math.sin(a) * 40
        c.poly([(440, 240), (x - 16, y + 6), (x, y - 22), (x + 16, y + 6)], shade(main, 1.0 + 0.12 * (k % 2)))


def draw_cup(c, rng, main, accent):
    for cx, top, size in ((300, 230, 1.0), (520, 290, 0.8)):
        w, bottom = 90 * size, 470
        c.arc([cx + w - 30 * size, top + 40 * size, cx + w + 60 * size, top + 160 * size], 270, 90, main, 22 * size)
        c.lathe(cx, [(top, w), (bottom - 20, w * 0.92), (bottom, w * 0.85)], main)
        c.ellipse([cx - w, top - 18 * size, cx + w, top + 18 * size], shade(main, 0.55))
        c.ellipse([cx - w + 10, top - 12 * size, cx + w - 10, top + 12 * size], (70, 40, 20))
        c.rect([cx - w + 20, top + 30, cx - w + 36, bottom - 40], shade(main, 1.3), radius=8)
        c.line([(cx - w, top + 60 * size), (cx + w, top + 60 * size)], accent, 4)


def draw_teaset(c, rng, main, accent):
    c.ellipse([140, 400, 660, 500], shade(WOOD, 1.1))  # tray
    c.ellipse([150, 400, 650, 488], WOOD)
    cx = 360
    c.poly([(cx + 100, 320), (cx + 190, 240), (cx + 200, 250), (cx + 120, 360)], main)  # spout
    c.arc([cx - 190, 260, cx - 60, 380], 90, 270, main, 18)  # handle
    c.lathe(cx, [(250, 70), (280, 115), (340, 125), (430, 80)], main)
    c.ellipse([cx - 72, 238, cx + 72, 264], shade(main, 0.8))
    c.circle(cx, 230, 14, shade(main, 0.8))
    # crackle glaze: a net of thin lines
    for _ in range(14):
        x, y = cx + rng.randint(-100, 80), rng.randint(280, 410)
        crack = [
            (x, y),
            (x + rng.randint(10, 30), y + rng.randint(-15, 15)),
            (x + rng.randint(20, 45), y + rng.randint(-5, 20)),
        ]
        c.line(crack, shade(main, 0.6), 2)
    for x in (520, 600):
        c.lathe(x, [(400, 34), (440, 26), (450, 18)], main)
        c.ellipse([x - 34, 392, x + 34, 408], shade(main, 0.6))


# --- lacquer, inlay, wood -------------------------------------------------------------------
def draw_painting(c, rng, main, accent):
    frame = shade(main, 0.5)
    c.rect([160, 70, 640, 430], frame)
    c.rect([180, 90, 620, 410], (26, 20, 18))
    c.circle(520, 160, 36, accent)  # gold moon
    c.poly([(180, 330), (270, 190), (340, 280), (420, 170), (540, 320), (620, 260), (620, 410), (180, 410)], main)
    c.poly([(180, 360), (300, 270), (400, 340), (500, 280), (620, 350), (620, 410), (180, 410)], shade(accent, 0.8))
    for y in (380, 396):
        c.line([(200, y), (600, y)], shade(accent, 1.2), 2)
    for _ in range(30):  # crushed eggshell
        x, y = rng.randint(190, 610), rng.randint(350, 405)
        c.poly([(x, y), (x + 6, y + 2), (x + 3, y + 6)], (240, 232, 214))
    c.poly([(230, 300), (250, 300), (260, 260), (230, 275)], accent)  # a boat's sail
    _shadow_line(c, 160, 640)


def _shadow_line(c, x0, x1):
    c.rect([x0 + 10, 430, x1 - 10, 444], (0, 0, 0), radius=6)


def draw_pearl_picture(c, rng, main, accent):
    c.rect([150, 60, 650, 440], (92, 52, 28))
    c.rect([172, 82, 628, 418], (20, 18, 22))
    pearl = [(236, 240, 246), (214, 232, 236), (236, 220, 232), (226, 236, 214)]
    # Khuê Văn Các: a square pavilion on four pillars, two tiers of roof, a round window
    c.rect([330, 280, 470, 400], rng.choice(pearl))
    for x in (345, 385, 415, 445):
        c.rect([x, 330, x + 12, 400], (20, 18, 22))
    c.poly([(290, 285), (510, 285), (470, 250), (330, 250)], pearl[1])
    c.rect([350, 180, 450, 250], pearl[0])
    c.circle(400, 215, 22, (20, 18, 22))
    c.circle(400, 215, 16, pearl[2])
    c.poly([(310, 185), (490, 185), (450, 140), (350, 140)], pearl[3])
    c.poly([(300, 190), (320, 170), (330, 185)], pearl[3])
    c.poly([(500, 190), (480, 170), (470, 185)], pearl[3])
    for _ in range(70):  # the sparkle of shell pieces
        x, y = rng.randint(180, 620), rng.randint(90, 410)
        if not (300 < x < 500 and 130 < y < 405):
            r = rng.randint(1, 3)
            c.ellipse([x - r, y - r, x + r, y + r], rng.choice(pearl))
    c.line([(180, 405), (620, 405)], pearl[1], 3)
    _shadow_line(c, 150, 650)


def draw_carved_panel(c, rng, main, accent):
    c.rect([200, 60, 600, 440], shade(main, 0.8), radius=8)
    c.rect([222, 82, 578, 418], main, radius=4)
    c.rect([240, 100, 560, 400], None, shade(main, 0.6), 6, radius=4)
    c.circle(400, 250, 110, shade(main, 0.7))
    c.circle(400, 250, 98, shade(main, 1.2))
    # a stylised longevity sign: strokes carved in a ring
    dark = shade(main, 0.45)
    c.rect([350, 180, 450, 196], dark)
    c.rect([392, 160, 408, 340], dark)
    c.rect([340, 230, 460, 246], dark)
    c.rect([350, 280, 450, 296], dark)
    c.rect([350, 280, 366, 330], dark)
    c.rect([434, 280, 450, 330], dark)
    for corner_x, corner_y in ((262, 122), (538, 122), (262, 378), (538, 378)):
        _cloud(c, corner_x - 20, corner_y, shade(main, 0.55))
    _shadow_line(c, 200, 600)


def _box(c, left, top, w, h, depth, front, side, lid):
    c.poly(
        [(left, top), (left + w, top), (left + w + depth, top - depth * 0.6), (left + depth, top - depth * 0.6)], lid
    )
    c.poly(
        [
            (left + w, top),
            (left + w + depth, top - depth * 0.6),
            (left + w + depth, top + h - depth * 0.6),
            (left + w, top + h),
        ],
        side,
    )
    c.rect([left, top, left + w, top + h], front)


def draw_box(c, rng, main, accent):
    _box(c, 220, 280, 320, 190, 90, main, shade(main, 0.7), shade(main, 1.15))
    c.line([(220, 320), (540, 320)], shade(main, 0.5), 3)  # where the lid closes
    c.line([(540, 320), (630, 266)], shade(main, 0.4), 3)
    c.rect([236, 334, 524, 456], None, accent, 4)
    _flower(c, 380, 395, 40, accent, shade(main, 0.8))
    for x in (290, 470):
        c.line([(x - 30, 395), (x + 30, 395)], accent, 4)
    c.poly([(300, 276), (500, 276), (560, 236), (360, 236)], None, accent, 3)


def draw_woven_box(c, rng, main, accent):
    for left, top, w, h in ((160, 250, 280, 220), (470, 330, 190, 140)):
        depth = w * 0.25
        _box(c, left, top, w, h, depth, main, shade(main, 0.75), shade(main, 1.1))
        for y in range(int(top) + 12, int(top + h), 16):  # woven rows
            c.line([(left + 4, y), (left + w - 4, y)], shade(main, 0.72), 4)
        for x in range(int(left) + 14, int(left + w), 28):
            c.line([(x, top + 4), (x, top + h - 4)], shade(main, 0.82), 3)
        c.rect([left, top, left + w, top + 20], shade(main, 0.6))
        c.rect([left + w / 2 - 20, top + 30, left + w / 2 + 20, top + 44], accent, radius=6)


def draw_tray(c, rng, main, accent):
    c.poly([(120, 470), (680, 470), (620, 330), (180, 330)], shade(main, 0.7))
    c.poly([(140, 455), (660, 455), (606, 342), (194, 342)], main)
    c.poly([(140, 455), (660, 455), (660, 475), (140, 475)], shade(main, 0.5))
    c.poly([(240, 435), (560, 435), (530, 360), (270, 360)], None, accent, 4)
    _flower(c, 400, 398, 26, accent, shade(main, 0.8))
    for x in (230, 570):
        _flower(c, x, 400, 12, accent, shade(main, 0.8))
    # two tea cups on it
    for x in (320, 490):
        c.lathe(x, [(330, 26), (366, 20), (374, 14)], (240, 236, 226))
        c.ellipse([x - 26, 324, x + 26, 336], (210, 200, 180))


def draw_woven_tray(c, rng, main, accent):
    c.ellipse([130, 300, 670, 490], shade(main, 0.7))
    c.ellipse([150, 306, 650, 474], main)
    c.rings([150, 306, 650, 474], 8, 26, 0.34, shade(main, 0.78))
    # fruit: oranges, a bunch of bananas, a mango
    for x, y in ((330, 360), (380, 330), (300, 320)):
        c.circle(x, y, 36, (236, 140, 40))
        c.circle(x - 10, y - 12, 8, (250, 180, 90))
    c.poly([(420, 380), (560, 300), (590, 320), (450, 400)], (240, 206, 60))
    c.poly([(430, 350), (560, 280), (580, 300), (450, 370)], (246, 218, 80))
    c.circle(510, 390, 34, (214, 170, 40))


def draw_basket(c, rng, main, accent):
    left, right, top = 230, 570, 250
    c.arc([left + 30, 90, right - 30, top + 140], 180, 360, shade(main, 0.7), 18)
    c.poly([(left, top), (right, top), (right - 40, 470), (left + 40, 470)], main)
    for y in range(top + 14, 470, 24):
        c.line([(left + 8, y), (right - 8, y)], shade(main, 0.72), 6)
    for x in range(left + 20, right, 34):
        c.line([(x, top), (x + (400 - x) * 0.12, 470)], shade(main, 0.85), 4)
    c.rect([left - 8, top - 12, right + 8, top + 12], shade(main, 0.6), radius=10)


def draw_lamp(c, rng, main, accent):
    c.line([(400, 0), (400, 120)], (50, 40, 30), 4)
    c.ellipse([250, 120, 550, 400], (252, 214, 120))  # warm light inside
    c.ellipse([290, 160, 510, 360], (255, 236, 170))
    for k in range(-5, 6):  # bamboo ribs curving round the globe
        w = 150 * math.cos(math.radians(k * 15))
        c.arc([400 - abs(w), 120, 400 + abs(w), 400], 90 if k < 0 else 270, 270 if k < 0 else 450, main, 5)
    for y in (170, 260, 350):
        c.arc([250, y - 30, 550, y + 30], 0, 180, shade(main, 0.8), 4)
    c.rect([370, 110, 430, 128], shade(main, 0.6), radius=4)
    c.ellipse([330, 470, 470, 490], shade((250, 220, 160), 0.9))


def draw_handbag(c, rng, main, accent):
    c.arc([300, 150, 500, 330], 180, 360, accent, 14)
    c.poly([(220, 250), (580, 250), (620, 470), (180, 470)], main)
    for y in range(262, 470, 18):
        c.line([(222 - (y - 250) * 0.18, y), (578 + (y - 250) * 0.18, y)], shade(main, 0.75), 4)
    for k, x in enumerate(range(230, 580, 22)):
        c.line([(x, 252), (x + (x - 400) * 0.12, 468)], shade(main, 0.88 if k % 2 else 0.7), 3)
    c.rect([214, 244, 586, 270], accent, radius=6)
    c.rect([380, 270, 420, 310], shade(accent, 0.8), radius=6)


def draw_statue(c, rng, main, accent):
    dark = shade(main, 0.6)
    c.rect([250, 420, 550, 470], shade(main, 0.5), radius=8)  # plinth
    c.ellipse([230, 280, 570, 450], main)  # crossed legs
    c.ellipse([270, 170, 530, 420], shade(main, 1.1))  # body
    c.ellipse([330, 260, 470, 390], shade(main, 1.3))  # the famous belly
    c.circle(400, 320, 6, dark)
    c.ellipse([230, 220, 310, 380], main)  # arms
    c.ellipse([490, 220, 570, 380], main)
    c.circle(400, 130, 70, shade(main, 1.15))  # head
    c.ellipse([322, 110, 346, 170], shade(main, 1.05))  # ears
    c.ellipse([454, 110, 478, 170], shade(main, 1.05))
    c.arc([370, 130, 430, 170], 20, 160, dark, 5)  # smile
    c.arc([360, 105, 390, 125], 200, 340, dark, 4)
    c.arc([410, 105, 440, 125], 200, 340, dark, 4)
    c.circle(540, 210, 26, accent)  # a bag of fortune


def draw_table(c, rng, main, accent):
    dark = shade(main, 0.6)
    # top, then legs with a curved apron
    c.poly([(190, 300), (610, 300), (660, 350), (140, 350)], shade(main, 1.15))
    c.rect([140, 350, 660, 372], dark)
    for x in (160, 620):
        c.rect([x, 372, x + 22, 480], dark)
    for x in (220, 570):
        c.rect([x, 350, x + 16, 440], shade(dark, 0.8))
    c.arc([180, 320, 620, 420], 20, 160, dark, 10)
    for _ in range(6):  # wood grain
        y = rng.randint(310, 340)
        c.line([(220, y), (580, y + rng.randint(-4, 4))], shade(main, 0.95), 2)
    # a small teapot and cups on top
    c.lathe(400, [(250, 30), (270, 44), (298, 34)], (70, 50, 40))
    c.poly([(440, 270), (470, 255), (474, 262), (444, 285)], (70, 50, 40))
    for x in (320, 480):
        c.lathe(x, [(282, 14), (298, 10)], (240, 236, 226))
    # a stool on each side
    for x in (40, 660):
        c.rect([x, 380, x + 100, 396], shade(main, 1.1), radius=4)
        for lx in (x + 8, x + 80):
            c.rect([lx, 396, lx + 12, 490], dark)


def draw_chair(c, rng, main, accent):
    dark = shade(main, 0.65)
    # back legs and backrest with vertical slats
    c.rect([300, 100, 322, 470], dark)
    c.rect([478, 90, 500, 440], dark)
    c.poly([(300, 110), (500, 100), (500, 130), (300, 140)], main)
    for x in (350, 400, 450):
        c.poly([(x, 138), (x + 14, 136), (x + 14, 290), (x, 292)], main)
    c.poly([(300, 280), (500, 270), (500, 292), (300, 302)], main)
    # seat in perspective, front legs
    c.poly([(300, 300), (500, 290), (560, 330), (250, 344)], shade(main, 1.2))
    c.poly([(250, 344), (560, 330), (560, 352), (250, 366)], dark)
    c.rect([252, 360, 276, 480], main)
    c.rect([534, 346, 558, 470], main)
    c.line([(276, 430), (534, 420)], dark, 8)


# --- fabrics and clothes ----------------------------------------------------------------------
def _sheen(c, points_x, top, bottom, colour):
    for x in points_x:
        c.line([(x, top), (x + 6, bottom)], shade(colour, 1.25), 6)


def _band(c, path, width, colour):
    """A ribbon of cloth along a path of (x, y) points."""
    left, right = [], []
    for (x0, y0), (x1, y1) in zip(path, path[1:] + [(2 * path[-1][0] - path[-2][0], 2 * path[-1][1] - path[-2][1])]):
        dx, dy = x1 - x0, y1 - y0
        norm = math.hypot(dx, dy) or 1
        nx, ny = -dy / norm * width / 2, dx / norm * width / 2
        left.append((x0 + nx, y0 + ny))
        right.append((x0 - nx, y0 - ny))
    c.poly(left + right[::-1], colour)
    return left, right


def draw_scarf(c, rng, main, accent, knit=False):
    """A long scarf hung over a wall peg, one end longer than the other, fringed."""
    c.circle(400, 90, 16, shade(WOOD, 0.8))
    ends = [
        [(400, 96), (360, 160), (330, 260), (320, 360), (330, 470)],
        [(400, 96), (450, 170), (480, 260), (488, 380)],
    ]
    for number, path in enumerate(ends):
        colour = main if number else shade(main, 0.82)
        left, right = _band(c, path, 120, colour)
        steps = 10
        for k in range(1, steps):  # stripes across: woven border lines or knitted rows
            i = k * (len(left) - 1) // steps
            if knit or k in (1, steps - 1):
                stripe = accent if k in (1, steps - 1) or k % 3 == 0 else shade(colour, 0.8)
                c.line([left[i], right[i]], stripe, 8 if knit else 5)
        if not knit:
            for t in (0.3, 0.7):  # sheen of silk along the length
                middle = [(a[0] * t + b[0] * (1 - t), a[1] * t + b[1] * (1 - t)) for a, b in zip(left, right)]
                c.line(middle, shade(colour, 1.2), 5)
        (lx, ly), (rx, ry) = left[-1], right[-1]
        for k in range(13):  # fringe
            t = k / 12
            x, y = lx + (rx - lx) * t, ly + (ry - ly) * t
            c.line([(x, y), (x + rng.randint(-3, 3), y + 34)], shade(colour, 0.9), 3)
    c.ellipse([360, 76, 440, 120], shade(main, 0.7))  # the fold over the peg


def draw_knit_scarf(c, rng, main, accent):
    draw_scarf(c, rng, main, accent, knit=True)


def draw_fabric(c, rng, main, accent):
    # a bolt lying on the table, its cloth running down and across
    c.poly([(200, 300), (680, 300), (720, 470), (120, 470)], main)
    for k in range(4):
        x0 = 200 + k * 130
        c.line([(x0, 300), (x0 - 50, 470)], shade(main, 0.85), 4)
    for y in range(330, 460, 40):  # the woven pattern (vân hoa)
        for x in range(180 + (y % 80), 680, 80):
            _flower(c, x, y, 12, shade(main, 1.3), accent)
    c.rect([200, 220, 620, 310], shade(main, 1.1))
    c.ellipse([170, 220, 230, 310], shade(main, 0.7))
    c.ellipse([590, 220, 650, 310], shade(main, 1.2))
    c.ellipse([608, 250, 632, 280], (220, 200, 170))
    _sheen(c, [300, 420, 520], 226, 300, main)


def draw_tie(c, rng, main, accent):
    for cx, colour, angle in ((330, main, -4), (480, accent if accent != main else shade(main, 0.7), 5)):
        knot = [(cx - 30, 80), (cx + 30, 80), (cx + 18, 140), (cx - 18, 140)]
        blade = [(cx - 18, 140), (cx + 18, 140), (cx + 62 + angle, 430), (cx + angle, 490), (cx - 62 + angle, 430)]
        c.poly(blade, colour)
        c.poly(knot, shade(colour, 0.8))
        for k in range(6):  # diagonal stripes
            y = 180 + k * 48
            c.line([(cx - 40, y + 20), (cx + 40, y - 10)], shade(colour, 1.35), 5)


def _hanger(c):
    c.arc([380, 40, 420, 80], 180, 360, (90, 90, 90), 5)
    c.line([(420, 62), (420, 80)], (90, 90, 90), 5)
    c.line([(420, 80), (250, 130), (550, 130), (420, 80)], (120, 90, 60), 8)


def draw_ao_dai(c, rng, main, accent):
    _hanger(c)
    sleeve = shade(main, 0.9)
    c.poly([(300, 120), (250, 140), (180, 420), (215, 430), (290, 220)], sleeve)
    c.poly([(500, 120), (550, 140), (620, 420), (585, 430), (510, 220)], sleeve)
    # the long fitted tunic with side slits: front and back flaps
    c.poly([(300, 120), (500, 120), (470, 250), (460, 300), (540, 580), (260, 580), (340, 300), (330, 250)], main)
    c.poly([(340, 300), (260, 580), (230, 580), (318, 300)], shade(main, 0.7))
    c.poly([(460, 300), (540, 580), (570, 580), (482, 300)], shade(main, 0.7))
    c.rect([378, 104, 422, 132], shade(main, 0.8), radius=6)  # standing collar
    c.line([(400, 132), (460, 170), (470, 260)], accent, 3)  # the side fastening
    for k in range(4):
        _flower(c, 360 + (k % 2) * 80, 360 + k * 50, 18, accent, shade(main, 0.8))


def draw_suit(c, rng, main, accent):
    _hanger(c)
    c.poly([(290, 130), (250, 150), (210, 470), (250, 476), (300, 250)], shade(main, 0.85))
    c.poly([(510, 130), (550, 150), (590, 470), (550, 476), (500, 250)], shade(main, 0.85))
    c.poly([(290, 130), (510, 130), (530, 500), (270, 500)], main)
    c.poly([(360, 130), (440, 130), (400, 300)], (246, 246, 244))  # shirt
    c.poly(
        [(392, 150), (408, 150), (414, 270), (400, 290), (386, 270)],
        shade(accent, 0.6) if sum(accent) > 500 else accent,
    )
    c.poly([(340, 130), (400, 300), (370, 330), (320, 200)], shade(main, 0.7))  # lapels
    c.poly([(460, 130), (400, 300), (430, 330), (480, 200)], shade(main, 0.7))
    for y in (360, 420):
        c.circle(410, y, 8, shade(main, 0.5))
    c.rect([300, 300, 360, 310], shade(main, 0.7))
    c.rect([440, 250, 480, 258], (246, 246, 244))  # pocket square


def draw_shirt(c, rng, main, accent):
    _hanger(c)
    colour = shade(main, 1.5)
    c.poly([(290, 130), (230, 160), (210, 260), (270, 270), (300, 210)], shade(colour, 0.92))
    c.poly([(510, 130), (570, 160), (590, 260), (530, 270), (500, 210)], shade(colour, 0.92))
    c.poly([(290, 130), (510, 130), (520, 470), (280, 470)], colour)
    c.poly([(350, 126), (400, 170), (380, 190), (340, 150)], shade(colour, 0.85))
    c.poly([(450, 126), (400, 170), (420, 190), (460, 150)], shade(colour, 0.85))
    c.line([(400, 170), (400, 470)], shade(colour, 0.8), 3)
    for y in range(210, 460, 50):
        c.circle(412, y, 5, shade(colour, 0.7))
    _sheen(c, [320, 470], 180, 450, colour)


def draw_sweater(c, rng, main, accent):
    c.poly([(280, 110), (230, 130), (160, 420), (220, 436), (290, 230)], shade(main, 0.9))
    c.poly([(520, 110), (570, 130), (640, 420), (580, 436), (510, 230)], shade(main, 0.9))
    c.poly([(280, 110), (520, 110), (530, 480), (270, 480)], main)
    c.ellipse([345, 92, 455, 142], shade(main, 0.7))
    c.ellipse([360, 96, 440, 130], (238, 236, 240))
    for y in range(170, 450, 28):  # knit stitches: rows of small v's
        for x in range(290, 515, 24):
            c.line([(x, y), (x + 8, y + 12), (x + 16, y)], shade(main, 0.8), 3)
    c.rect([270, 450, 530, 484], shade(main, 0.8), radius=6)
    for x in range(276, 530, 10):
        c.line([(x, 452), (x, 482)], shade(main, 0.7), 2)
    c.rect([150, 408, 224, 440], shade(main, 0.8), radius=6)
    c.rect([576, 408, 650, 440], shade(main, 0.8), radius=6)
    c.poly([(280, 250), (520, 250), (520, 290), (280, 290)], accent)
    for x in range(290, 515, 40):
        _flower(c, x + 10, 270, 10, main, main)


# --- leather ----------------------------------------------------------------------------------
def _oxford(c, x, y, s, upper, sole):
    """A laced men's shoe in profile, toe to the right; (x, y) is the back of the sole."""
    outline = [
        (x, y),
        (x - 4 * s, y - 40 * s),
        (x + 6 * s, y - 78 * s),
        (x + 40 * s, y - 82 * s),
        (x + 90 * s, y - 74 * s),
        (x + 130 * s, y - 90 * s),
        (x + 170 * s, y - 80 * s),
        (x + 230 * s, y - 56 * s),
        (x + 290 * s, y - 46 * s),
        (x + 326 * s, y - 30 * s),
        (x + 336 * s, y - 10 * s),
        (x + 330 * s, y),
    ]
    c.poly(outline, upper)
    c.poly(
        [(x + 10 * s, y - 76 * s), (x + 40 * s, y - 82 * s), (x + 92 * s, y - 74 * s), (x + 60 * s, y - 66 * s)],
        shade(upper, 0.45),
    )  # the opening
    c.rect([x - 6 * s, y - 6 * s, x + 340 * s, y + 10 * s], sole, radius=5)
    c.rect([x - 6 * s, y - 6 * s, x + 70 * s, y + 22 * s], sole, radius=3)
    c.line([(x + 100 * s, y - 72 * s), (x + 200 * s, y - 66 * s), (x + 200 * s, y - 10 * s)], shade(upper, 0.7), 3)
    for k in range(4):  # laces
        lx = x + (110 + k * 20) * s
        c.line([(lx, y - 76 * s - k * 2 * s), (lx + 22 * s, y - 70 * s - k * 3 * s)], (236, 226, 204), 4)
    c.arc([x + 250 * s, y - 52 * s, x + 330 * s, y + 6 * s], 190, 300, shade(upper, 0.7), 3)  # toe cap
    c.line([(x + 20 * s, y - 50 * s), (x + 60 * s, y - 46 * s)], shade(upper, 1.3), 4)


def _foot_outline(cx, top, length, width, points=24):
    """A shoe sole seen from above: narrow heel at the bottom, round toe at the top."""
    outline = []
    for k in range(points + 1):
        t = k / points * 2 * math.pi
        y = top + length / 2 - math.cos(t) * length / 2
        bulge = 0.75 + 0.25 * (1 - (y - top) / length)  # wider at the toe
        outline.append((cx + math.sin(t) * width / 2 * bulge, y))
    return outline


def draw_shoes(c, rng, main, accent):
    _oxford(c, 250, 360, 1.15, shade(main, 0.85), accent)
    _oxford(c, 110, 470, 1.3, main, accent)


def draw_flats(c, rng, main, accent):
    colour = (40, 40, 44) if rng.random() < 0.5 else (176, 52, 64)
    for cx, tilt in ((320, -10), (480, 10)):
        outline = _foot_outline(cx, 110, 340, 150)
        c.poly([(x + (y - 280) * tilt / 100, y) for x, y in outline], colour)
        inner = _foot_outline(cx, 200, 240, 112)
        c.poly([(x + (y - 280) * tilt / 100, y) for x, y in inner], (226, 200, 170))  # lining
        bx, by = cx + (190 - 280) * tilt / 100, 190
        c.ellipse([bx - 36, by - 16, bx, by + 16], shade(colour, 1.4))  # bow
        c.ellipse([bx, by - 16, bx + 36, by + 16], shade(colour, 1.4))
        c.circle(bx, by, 9, shade(colour, 0.7))


def draw_sandals(c, rng, main, accent):
    for cx, tilt in ((300, -10), (500, 10)):
        outline = _foot_outline(cx, 100, 350, 150)
        c.poly([(x + (y - 280) * tilt / 100 + 6, y + 10) for x, y in outline], accent)  # sole edge
        c.poly([(x + (y - 280) * tilt / 100, y) for x, y in outline], shade(main, 1.45))
        # one wide leather strap across the front
        sx = cx + (200 - 280) * tilt / 100
        c.poly([(sx - 72, 180), (sx + 72, 180), (sx + 80, 260), (sx - 80, 260)], main)
        c.arc([sx - 72, 150, sx + 72, 210], 200, 340, shade(main, 1.2), 4)
        c.line([(sx - 74, 250), (sx + 74, 250)], shade(main, 0.7), 3)
        hx = cx + (400 - 280) * tilt / 100
        c.ellipse([hx - 40, 380, hx + 40, 420], shade(main, 1.3))  # heel print


# --- folk toys and hats -----------------------------------------------------------------------
TO_HE_COLOURS = [(226, 52, 44), (250, 200, 40), (40, 150, 80), (60, 110, 200), (240, 120, 170), (250, 250, 246)]


def _figurine(c, x, y, size, rng):
    body, trim, head = rng.sample(TO_HE_COLOURS, 3)
    s = size
    c.line([(x, y), (x, 470)], (196, 160, 96), 5)  # the bamboo stick
    c.ellipse([x - 34 * s, y - 50 * s, x + 34 * s, y + 30 * s], body)
    c.rect([x - 34 * s, y - 10 * s, x + 34 * s, y], trim)
    c.circle(x, y - 74 * s, 28 * s, head)
    c.circle(x - 10 * s, y - 78 * s, 4 * s, (20, 20, 20))
    c.circle(x + 10 * s, y - 78 * s, 4 * s, (20, 20, 20))
    c.ellipse([x - 30 * s, y - 112 * s, x - 8 * s, y - 88 * s], trim)  # ears
    c.ellipse([x + 8 * s, y - 112 * s, x + 30 * s, y - 88 * s], trim)
    c.arc([x - 10 * s, y - 72 * s, x + 10 * s, y - 60 * s], 20, 160, (180, 30, 30), 3)


def draw_to_he_set(c, rng, main, accent):
    c.rect([120, 440, 680, 490], (200, 160, 90), radius=10)  # a straw stand
    for k in range(7):
        x = 160 + k * 80
        _figurine(c, x, 230 + (k % 2) * 70, 0.9, rng)


def draw_to_he(c, rng, main, accent):
    c.rect([300, 440, 500, 490], (200, 160, 90), radius=10)
    c.line([(400, 300), (400, 470)], (196, 160, 96), 6)
    # a saint on a horse: the horse, then the rider with a helmet and a bamboo whip
    horse = (240, 120, 40)
    c.ellipse([270, 250, 530, 350], horse)
    c.poly([(480, 270), (560, 160), (600, 180), (530, 300)], horse)
    c.ellipse([550, 140, 630, 190], horse)
    for lx in (290, 330, 460, 500):
        c.rect([lx, 330, lx + 18, 410], shade(horse, 0.8))
    c.poly([(280, 270), (220, 330), (260, 300)], (250, 200, 40))
    c.ellipse([350, 150, 450, 280], (60, 110, 200))
    c.circle(400, 120, 36, (250, 220, 190))
    c.chord([360, 76, 440, 136], 180, 360, (250, 200, 40))
    c.line([(440, 190), (540, 80)], (40, 150, 80), 8)
    c.circle(390, 118, 4, (20, 20, 20))
    c.circle(410, 118, 4, (20, 20, 20))


def draw_conical_hat(c, rng, main, accent):
    # brim ellipse first (underside), then the cone, ribs and the ribbon strap
    c.ellipse([160, 380, 640, 470], shade(main, 0.8))
    c.poly([(400, 90), (640, 420), (160, 420)], main)
    c.chord([160, 370, 640, 470], 0, 180, main)
    for k in range(1, 9):
        t = k / 9
        c.line([(400 - 240 * t, 90 + 330 * t), (400 + 240 * t, 90 + 330 * t)], shade(main, 0.86), 3)
        c.arc([400 - 240 * t, 90 + 300 * t, 400 + 240 * t, 90 + 360 * t], 0, 180, shade(main, 0.86), 3)
    c.arc([260, 330, 540, 560], 20, 160, accent, 10)
    c.ellipse([380, 82, 420, 98], shade(main, 0.7))


def draw_flat_hat(c, rng, main, accent):
    """Nón quai thao: a wide flat hat, tilted towards us, its tasselled strap hanging below."""
    c.ellipse([110, 150, 690, 400], shade(main, 0.75))
    c.ellipse([110, 140, 690, 384], main)
    c.rings([110, 140, 690, 384], 6, 40, 0.42, shade(main, 0.85))
    c.ellipse([320, 222, 480, 302], shade(main, 0.9))
    c.ellipse([320, 222, 480, 302], None, (40, 30, 30), 6)
    # the strap (quai) with its black silk tassels
    c.arc([300, 250, 500, 500], 0, 180, (30, 28, 28), 8)
    for k in range(25):
        t = k / 24
        a = math.pi * t
        x, y = 400 + math.cos(a) * 100, 375 + math.sin(a) * 125
        c.line([(x, y), (x + rng.randint(-4, 4), y + 50)], (30, 28, 28), 2)
    for x in (300, 500):
        c.rect([x - 14, 366, x + 14, 390], accent, radius=6)


# --- tea, sweets, food ------------------------------------------------------------------------
def _lotus(c, x, y, r, pink):
    for angle in (-70, -35, 0, 35, 70):
        a = math.radians(angle - 90)
        tx, ty = x + math.cos(a) * r, y + math.sin(a) * r
        c.poly(
            [
                (x - r * 0.25, y),
                (tx - r * 0.25, ty + r * 0.2),
                (tx, ty - r * 0.15),
                (tx + r * 0.25, ty + r * 0.2),
                (x + r * 0.25, y),
            ],
            shade(pink, 1.0 + (0.15 if abs(angle) == 35 else 0)),
        )
    c.chord([x - r * 0.6, y - r * 0.4, x + r * 0.6, y + r * 0.4], 0, 180, shade(pink, 0.9))


def _tea_leaves(c, cx, y, rng, count=40, colour=(56, 70, 40)):
    for _ in range(count):
        x = cx + rng.gauss(0, 40)
        yy = y - abs(rng.gauss(0, 14))
        c.ellipse([x - 9, yy - 4, x + 9, yy + 4], shade(colour, rng.uniform(0.8, 1.2)))


def draw_tea_tin(c, rng, main, accent):
    cx = 330
    c.rect([cx - 110, 180, cx + 110, 460], main)
    c.ellipse([cx - 110, 440, cx + 110, 480], main)
    c.rect([cx - 116, 160, cx + 116, 214], shade(main, 0.7))
    c.ellipse([cx - 116, 140, cx + 116, 180], shade(main, 0.85))
    c.rect([cx - 110, 260, cx + 110, 400], (244, 236, 214))
    _lotus(c, cx, 350, 60, accent)
    c.rect([cx - 96, 190, cx - 80, 440], shade(main, 1.3))
    # a lotus flower and a heap of dark tea beside it
    c.line([(560, 470), (540, 300)], LEAF_DARK, 6)
    _lotus(c, 540, 300, 80, accent)
    _tea_leaves(c, 540, 470, rng)
    c.pie([600, 380, 720, 480], 180, 360, LEAF)


def draw_tea_box(c, rng, main, accent):
    _box(c, 180, 200, 260, 270, 80, main, shade(main, 0.7), shade(main, 1.15))
    c.circle(310, 320, 70, (244, 236, 214))
    _lotus(c, 310, 340, 50, accent) if accent[0] > accent[1] else _leaf(c, 310, 320, 50)
    for k, x in enumerate((480, 560, 630)):  # tea bags with their strings and tags
        y = 380 + (k % 2) * 30
        c.rect([x - 34, y - 40, x + 34, y + 40], (236, 226, 200), radius=4)
        c.rect([x - 26, y - 30, x + 26, y + 30], shade(main, 0.9) if k != 1 else (150, 110, 60), radius=4)
        c.line([(x, y - 40), (x + 10, y - 90)], (200, 200, 200), 2)
        c.rect([x, y - 110, x + 24, y - 86], accent)


def _leaf(c, x, y, r):
    c.poly([(x - r, y + r * 0.5), (x - r * 0.2, y - r), (x + r, y - r * 0.4), (x + r * 0.2, y + r * 0.6)], LEAF)
    c.line([(x - r * 0.9, y + r * 0.45), (x + r * 0.8, y - r * 0.3)], LEAF_DARK, 3)


def draw_tea_jar(c, rng, main, accent):
    # a glass jar of green lotus embryos, some spilled on a saucer
    c.rect([230, 180, 430, 470], (224, 236, 226), radius=30)
    c.rect([244, 230, 416, 458], (214, 228, 214), radius=24)
    for _ in range(160):
        x, y = rng.randint(252, 408), rng.randint(240, 450)
        c.line([(x, y), (x + rng.randint(-6, 6), y + 12)], shade(LEAF, rng.uniform(0.7, 1.3)), 4)
    c.rect([222, 150, 438, 190], shade(main, 0.8), radius=8)
    c.rect([262, 300, 398, 380], (244, 236, 214))
    _lotus(c, 330, 360, 36, accent)
    c.ellipse([470, 430, 680, 480], (244, 242, 236))
    for _ in range(30):
        x, y = rng.randint(510, 640), rng.randint(435, 458)
        c.line([(x, y), (x + 4, y + 10)], LEAF, 4)
    c.rect([256, 196, 270, 440], (240, 246, 240), radius=6)


def _plate(c, cx, y, w):
    c.ellipse([cx - w, y - w * 0.25, cx + w, y + w * 0.25], (232, 230, 224))
    c.ellipse([cx - w * 0.8, y - w * 0.19, cx + w * 0.8, y + w * 0.19], (246, 244, 240))


def draw_rice_cake(c, rng, main, accent):
    _plate(c, 400, 430, 260)
    cake = (214, 170, 110)
    for row in range(2):
        for k in range(4):
            x, y = 230 + k * 90 + row * 40, 330 + row * 60
            c.poly([(x, y), (x + 80, y), (x + 80, y + 40), (x, y + 40)], cake)
            c.poly([(x, y), (x + 14, y - 14), (x + 94, y - 14), (x + 80, y)], shade(cake, 1.15))
            c.poly([(x + 80, y), (x + 94, y - 14), (x + 94, y + 26), (x + 80, y + 40)], shade(cake, 0.8))
            for _ in range(5):
                px, py = x + rng.randint(8, 72), y + rng.randint(6, 34)
                c.ellipse([px - 5, py - 3, px + 5, py + 3], (240, 220, 180))
    c.poly([(520, 200), (600, 160), (660, 200), (580, 240)], (214, 230, 180))  # ginger slice


def draw_com_cake(c, rng, main, accent):
    # bánh cốm: green squares wrapped in paper with a red string
    for x, y in ((200, 300), (380, 270), (560, 300), (290, 400), (470, 400)):
        c.rect([x - 70, y - 50, x + 70, y + 50], (130, 176, 70), radius=8)
        c.rect([x - 60, y - 40, x + 60, y + 40], (160, 200, 90), radius=6)
        c.line([(x - 70, y), (x + 70, y)], accent, 4)
        c.line([(x, y - 50), (x, y + 50)], accent, 4)
        c.circle(x, y, 8, accent)
    _leaf(c, 650, 440, 50)


def draw_candy(c, rng, main, accent):
    _plate(c, 400, 440, 270)
    for k in range(5):
        x, y = 190 + k * 80, 360 - k * 14
        c.rect([x, y, x + 200, y + 56], (196, 140, 70), radius=10)
        for _ in range(14):
            px, py = x + rng.randint(14, 186), y + rng.randint(10, 46)
            c.ellipse([px - 9, py - 6, px + 9, py + 6], (232, 200, 150))
        for _ in range(26):
            px, py = x + rng.randint(8, 192), y + rng.randint(6, 50)
            c.ellipse([px - 2, py - 1, px + 2, py + 1], (40, 30, 26))
    c.rect([540, 260, 700, 300], (240, 236, 226), radius=4)  # a paper wrapper
    c.rect([560, 266, 600, 294], accent, radius=2)


def draw_rice_bag(c, rng, main, accent):
    sack = (222, 206, 168)
    c.poly([(250, 170), (550, 170), (600, 470), (200, 470)], sack)
    c.poly([(250, 170), (300, 120), (400, 150), (500, 120), (550, 170)], shade(sack, 0.9))
    c.rect([290, 160, 510, 180], accent)
    c.rect([270, 260, 530, 380], (246, 240, 222))
    c.ellipse([330, 280, 470, 360], None, accent, 5)
    for _ in range(12):  # rice ears on the label
        x = rng.randint(350, 450)
        c.ellipse([x - 5, 300, x + 5, 316], (214, 170, 50))
    for _ in range(140):  # grains spilt in front
        x, y = 400 + rng.gauss(0, 120), 480 + abs(rng.gauss(0, 10))
        c.ellipse([x - 5, y - 3, x + 5, y + 3], (250, 246, 236))


def draw_glass_noodles(c, rng, main, accent):
    draw_noodles(c, rng, (176, 164, 150), accent)


def draw_rice_noodles(c, rng, main, accent):
    draw_noodles(c, rng, (246, 244, 236), accent)


def draw_noodles(c, rng, main, accent):
    """Dried noodles: folded bundles tied with string on a bamboo tray, one still in its bag."""
    c.rect([460, 120, 660, 400], (236, 240, 244), radius=12)  # the bag behind
    c.rect([478, 140, 642, 380], shade(main, 0.92), radius=10)
    c.rect([490, 230, 630, 290], accent, radius=4)
    c.ellipse([110, 380, 610, 490], (200, 160, 90))
    c.ellipse([130, 388, 590, 478], None, (170, 130, 70), 4)
    for cx, cy in ((270, 370), (420, 400)):
        c.ellipse([cx - 150, cy - 60, cx + 150, cy + 60], shade(main, 0.9))
        for k in range(22):  # the strands, folded at both ends
            y = cy - 52 + k * 5
            half = 150 * math.sqrt(max(0.0, 1 - ((y - cy) / 60) ** 2))
            wobble = [(cx - half + j * half / 6, y + (3 if j % 2 else -3)) for j in range(13)]
            c.line(wobble, shade(main, rng.uniform(0.8, 1.12)), 2)
        c.rect([cx - 14, cy - 64, cx + 14, cy + 64], accent, radius=5)


def _bottle(c, cx, bottom, height, width, glass, liquid, label, cap):
    neck = width * 0.3
    profile = [(bottom - height, neck), (bottom - height * 0.62, neck), (bottom - height * 0.5, width), (bottom, width)]
    c.lathe(cx, profile, glass)
    c.lathe(cx, [(bottom - height * 0.46, width - 6), (bottom - 6, width - 6)], liquid)
    c.rect([cx - neck - 3, bottom - height - 18, cx + neck + 3, bottom - height + 6], cap, radius=4)
    c.rect([cx - width, bottom - height * 0.36, cx + width, bottom - height * 0.12], label)
    c.rect([cx - width + 10, bottom - height * 0.46, cx - width + 20, bottom - 20], shade(glass, 1.4), radius=4)


def draw_wine_bottle(c, rng, main, accent):
    _bottle(c, 300, 470, 360, 70, (214, 226, 222), (236, 236, 220), (240, 232, 210), accent)
    _bottle(c, 480, 470, 300, 60, (200, 214, 210), (230, 226, 200), accent, shade(main, 0.6))
    # a small cup and a bowl of sticky rice
    c.lathe(610, [(420, 34), (470, 22)], (246, 244, 236))
    c.ellipse([576, 410, 644, 430], (236, 236, 220))


def draw_sauce_bottle(c, rng, main, accent):
    _bottle(c, 300, 470, 340, 72, (90, 60, 36), (70, 40, 20), (244, 232, 200), accent)
    # a clay jar of soy sauce beside it
    c.lathe(520, [(270, 60), (290, 90), (360, 120), (470, 80)], (120, 80, 50))
    c.ellipse([460, 260, 580, 290], (60, 36, 20))
    c.rect([470, 330, 570, 380], (244, 232, 200))


def draw_juice(c, rng, main, accent):
    for x in (280, 420):
        _bottle(c, x, 470, 300, 56, (236, 240, 236), (248, 210, 120), (80, 150, 70), (80, 150, 70))
    # a pomelo, halved
    c.circle(590, 400, 76, (160, 196, 70))
    c.chord([520, 380, 680, 480], 0, 180, (250, 150, 120))
    c.ellipse([520, 400, 680, 440], (252, 170, 140))
    c.ellipse([520, 400, 680, 440], None, (220, 230, 180), 8)


def draw_herb_jar(c, rng, main, accent):
    c.lathe(360, [(220, 100), (240, 124), (430, 124), (470, 104)], (92, 60, 34))
    c.rect([248, 170, 472, 230], main, radius=10)
    c.rect([250, 300, 470, 400], (240, 232, 210))
    _leaf(c, 360, 350, 40)
    for k in range(5):  # dried herb sprigs beside it
        x = 540 + k * 18
        c.line([(x, 470), (x + 20, 280)], LEAF_DARK, 4)
        for y in range(300, 460, 30):
            c.ellipse([x + 4, y, x + 26, y + 12], LEAF)


def draw_oil_bottle(c, rng, main, accent):
    amber = (170, 96, 30)
    c.lathe(330, [(250, 30), (290, 30), (310, 80), (470, 80)], amber)
    c.rect([300, 190, 360, 250], (30, 30, 30), radius=6)
    c.ellipse([310, 150, 350, 200], (40, 40, 40))
    c.rect([254, 340, 406, 420], (244, 236, 210))
    _leaf(c, 330, 380, 30)
    for k in range(5):  # lemongrass stalks
        x = 470 + k * 26
        c.poly([(x, 470), (x + 16, 470), (x + 30, 160 + k * 20), (x + 20, 160 + k * 20)], (150, 196, 90))
        c.rect([x, 430, x + 16, 470], (236, 230, 190))


def draw_soap(c, rng, main, accent):
    for k, (x, y) in enumerate(((200, 400), (400, 420), (300, 320))):
        colour = [(200, 170, 110), (150, 170, 90), (190, 120, 80)][k]
        c.rect([x - 10, y - 60, x + 200, y + 20], shade(colour, 0.8), radius=18)
        c.rect([x, y - 70, x + 210, y + 10], colour, radius=18)
        c.ellipse([x + 50, y - 50, x + 160, y - 10], shade(colour, 0.85))
    _leaf(c, 580, 260, 60)


def _leaf_shape(x, y, length, width, angle):
    """A pointed leaf from (x, y) along `angle` (radians)."""
    points = []
    for k in range(13):
        t = k / 12
        w = math.sin(math.pi * t) * width / 2
        points.append((t * length, w))
    points += [(t, -w) for t, w in reversed(points)]
    ca, sa = math.cos(angle), math.sin(angle)
    return [(x + px * ca - py * sa, y + px * sa + py * ca) for px, py in points]


def draw_greens(c, rng, main, accent):
    """Two tied bunches of leafy greens lying on the table."""
    for number, (y, tint) in enumerate(((300, 0.9), (390, 1.0))):
        for k in range(7):
            angle = math.radians((k - 3) * 7)
            c.line([(170, y), (380, y + math.tan(angle) * 210)], (190, 222, 150), 7)  # stems
            c.poly(
                _leaf_shape(340, y + math.tan(angle) * 170, 320, 110, angle), shade(LEAF, tint * (0.8 + 0.07 * (k % 3)))
            )
            end = (340 + math.cos(angle) * 300, y + math.tan(angle) * 170 + math.sin(angle) * 300)
            c.line([(340, y + math.tan(angle) * 170), end], (176, 214, 140), 3)
        if number == 0:
            for k in range(5):
                c.circle(660 + rng.randint(-10, 30), y - 50 + k * 25, 9, (246, 210, 60))  # choy sum flowers
        c.rect([250, y - 28, 280, y + 28], (200, 60, 40), radius=4)  # the tie


def draw_tomatoes(c, rng, main, accent):
    c.poly([(160, 330), (640, 330), (600, 480), (200, 480)], (176, 128, 62))  # a crate
    for y in range(350, 480, 30):
        c.line([(180, y), (620, y)], (140, 100, 50), 4)
    for k in range(9):
        x, y = 220 + (k % 5) * 90 + (k // 5) * 45, 300 - (k // 5) * 50
        c.circle(x, y, 50, (214, 48, 36))
        c.circle(x - 16, y - 16, 12, (240, 110, 90))
        c.poly([(x - 14, y - 48), (x, y - 60), (x + 14, y - 48), (x, y - 40)], LEAF)


def draw_chayote(c, rng, main, accent):
    _plate(c, 400, 440, 280)
    for k, (x, y) in enumerate(((280, 380), (420, 370), (540, 390), (350, 300), (490, 300))):
        colour = (168, 206, 110) if k % 2 else (150, 196, 96)
        c.ellipse([x - 60, y - 40, x + 60, y + 60], colour)
        c.ellipse([x - 40, y - 80, x + 40, y + 10], colour)
        c.arc([x - 40, y - 70, x + 40, y + 50], 100, 260, shade(colour, 0.8), 3)
        c.arc([x - 40, y - 70, x + 40, y + 50], 280, 80, shade(colour, 0.8), 3)
    c.line([(600, 200), (660, 140), (700, 170)], LEAF_DARK, 4)
    _leaf(c, 640, 220, 40)


def draw_flowers(c, rng, main, accent):
    # a bouquet of red roses in paper
    for k in range(7):
        x, y = 300 + (k % 4) * 66 + (k // 4) * 33, 170 + (k // 4) * 70
        c.line([(x, y), (400, 430)], LEAF_DARK, 5)
        _leaf(c, (x + 400) / 2, (y + 430) / 2, 22)
    c.poly([(260, 250), (540, 250), (430, 480), (370, 480)], (240, 232, 214))
    c.poly([(260, 250), (330, 250), (400, 480), (370, 480)], (226, 214, 190))
    for k in range(7):
        x, y = 300 + (k % 4) * 66 + (k // 4) * 33, 170 + (k // 4) * 70
        c.circle(x, y, 36, main)
        c.arc([x - 24, y - 24, x + 24, y + 24], 0, 270, shade(main, 0.7), 4)
        c.arc([x - 12, y - 12, x + 12, y + 12], 90, 360, shade(main, 0.7), 3)
    c.rect([370, 380, 430, 400], accent)


def draw_orchid(c, rng, main, accent):
    c.lathe(330, [(380, 80), (470, 60)], (240, 240, 236))  # pot
    for angle in (200, 240, 300, 340):  # broad leaves
        a = math.radians(angle)
        x, y = 330 + math.cos(a) * 150, 380 + math.sin(a) * 60
        c.poly([(330, 380), (x, y - 20), (x + 20 * math.cos(a), y + 10)], LEAF)
    c.line([(340, 380), (360, 200), (420, 110), (520, 120), (600, 170)], (90, 120, 60), 5)
    for k, (x, y) in enumerate(((420, 120), (470, 116), (520, 128), (570, 152), (615, 190))):
        r = 34 - k * 2
        for a in (0, 72, 144, 216, 288):
            ang = math.radians(a - 90)
            c.circle(x + math.cos(ang) * r * 0.6, y + math.sin(ang) * r * 0.6, r * 0.55, (246, 236, 246))
        c.circle(x, y, r * 0.3, (196, 60, 130))


def draw_bonsai(c, rng, main, accent):
    c.poly([(220, 420), (580, 420), (550, 480), (250, 480)], (90, 110, 140))  # a shallow pot
    c.rect([210, 408, 590, 424], (70, 90, 120), radius=4)
    c.poly(
        [
            (370, 410),
            (430, 410),
            (420, 340),
            (470, 280),
            (520, 230),
            (500, 220),
            (440, 270),
            (400, 300),
            (380, 240),
            (320, 200),
            (310, 214),
            (360, 260),
            (370, 330),
        ],
        (110, 80, 56),
    )
    for x, y, r in ((320, 190, 60), (520, 210, 70), (420, 150, 80), (260, 240, 40), (600, 260, 40)):
        c.ellipse([x - r * 1.3, y - r * 0.7, x + r * 1.3, y + r * 0.7], LEAF_DARK)
        c.ellipse([x - r * 1.1, y - r * 0.8, x + r * 1.0, y + r * 0.4], LEAF)


def draw_koi(c, rng, main, accent):
    for k in range(3):
        cx, cy, flip = [(260, 220, 1), (520, 380, -1), (560, 160, -1)][k]
        body = [(240, 110, 40), (250, 250, 246), (230, 90, 50)][k]
        c.ellipse([cx - 110, cy - 40, cx + 110, cy + 40], body)
        c.poly(
            [(cx - 100 * flip, cy), (cx - 170 * flip, cy - 50), (cx - 150 * flip, cy), (cx - 170 * flip, cy + 50)], body
        )
        c.ellipse([cx - 20, cy - 30, cx + 50, cy + 20], (250, 250, 246) if k != 1 else (226, 60, 40))
        c.circle(cx + 80 * flip, cy - 10, 6, (20, 20, 20))
        c.poly([(cx, cy + 30), (cx - 30 * flip, cy + 70), (cx + 20 * flip, cy + 36)], shade(body, 0.9))
    for r in (40, 80, 120):  # ripples
        c.ellipse([300 - r, 440 - r * 0.3, 300 + r, 440 + r * 0.3], None, (120, 170, 200), 3)


def draw_tour(c, rng, main, accent):
    c.circle(640, 120, 40, (250, 220, 120))
    hills = [(0, 300), (120, 200), (240, 280), (380, 170), (520, 270), (660, 190), (800, 280), (800, 340), (0, 340)]
    c.poly(hills, (120, 150, 170))
    c.rect([0, 320, 800, 600], (150, 196, 90))
    c.poly([(0, 470), (300, 420), (800, 450), (800, 530), (300, 490), (0, 560)], (110, 170, 210))  # the river
    for y in range(340, 420, 20):  # rice fields
        c.line([(0, y), (800, y + 6)], (120, 176, 70), 3)
    for k, x in enumerate((140, 300, 460)):  # village houses with tiled roofs
        y = 330 + (k % 2) * 10
        c.rect([x, y, x + 120, y + 70], (236, 226, 196))
        c.poly([(x - 16, y), (x + 60, y - 50), (x + 136, y)], (170, 70, 40))
        c.rect([x + 48, y + 26, x + 72, y + 70], (110, 70, 40))
    c.rect([650, 260, 672, 360], (110, 80, 56))  # a banyan tree
    c.ellipse([580, 170, 740, 300], LEAF_DARK)
    c.poly([(360, 500), (460, 500), (440, 520), (380, 520)], (110, 70, 40))  # a boat
    c.line([(410, 500), (410, 450)], (110, 70, 40), 3)


# kind -> (drawing, background): "table" = wall and table top, "floor" = wall and floor,
# "wall" = hung on a wall, "surface" = seen from above on a table top, "pond" = water,
# "scene" = the drawing fills the frame itself.
KINDS = {
    "vase": (draw_vase, "table"),
    "lucky-pot": (draw_lucky_pot, "table"),
    "bowl": (draw_bowl, "table"),
    "plate": (draw_plate, "table"),
    "cup": (draw_cup, "table"),
    "teaset": (draw_teaset, "table"),
    "painting": (draw_painting, "wall"),
    "pearl-picture": (draw_pearl_picture, "wall"),
    "carved-panel": (draw_carved_panel, "wall"),
    "box": (draw_box, "table"),
    "woven-box": (draw_woven_box, "table"),
    "tray": (draw_tray, "table"),
    "woven-tray": (draw_woven_tray, "table"),
    "basket": (draw_basket, "table"),
    "lamp": (draw_lamp, "wall"),
    "handbag": (draw_handbag, "table"),
    "statue": (draw_statue, "table"),
    "table": (draw_table, "floor"),
    "chair": (draw_chair, "floor"),
    "scarf": (draw_scarf, "wall"),
    "knit-scarf": (draw_knit_scarf, "wall"),
    "fabric": (draw_fabric, "table"),
    "tie": (draw_tie, "wall"),
    "ao-dai": (draw_ao_dai, "wall"),
    "suit": (draw_suit, "wall"),
    "shirt": (draw_shirt, "wall"),
    "sweater": (draw_sweater, "wall"),
    "shoes": (draw_shoes, "table"),
    "flats": (draw_flats, "surface"),
    "sandals": (draw_sandals, "surface"),
    "to-he-set": (draw_to_he_set, "table"),
    "to-he": (draw_to_he, "table"),
    "conical-hat": (draw_conical_hat, "table"),
    "flat-hat": (draw_flat_hat, "table"),
    "tea-tin": (draw_tea_tin, "table"),
    "tea-box": (draw_tea_box, "table"),
    "tea-jar": (draw_tea_jar, "table"),
    "rice-cake": (draw_rice_cake, "table"),
    "com-cake": (draw_com_cake, "table"),
    "candy": (draw_candy, "table"),
    "rice-bag": (draw_rice_bag, "table"),
    "glass-noodles": (draw_glass_noodles, "table"),
    "rice-noodles": (draw_rice_noodles, "table"),
    "wine-bottle": (draw_wine_bottle, "table"),
    "sauce-bottle": (draw_sauce_bottle, "table"),
    "juice": (draw_juice, "table"),
    "herb-jar": (draw_herb_jar, "table"),
    "oil-bottle": (draw_oil_bottle, "table"),
    "soap": (draw_soap, "table"),
    "greens": (draw_greens, "table"),
    "tomatoes": (draw_tomatoes, "table"),
    "chayote": (draw_chayote, "table"),
    "flowers": (draw_flowers, "table"),
    "orchid": (draw_orchid, "table"),
    "bonsai": (draw_bonsai, "table"),
    "koi": (draw_koi, "pond"),
    "tour": (draw_tour, "scene"),
}


def _background(image, c, wall, style, rng):
    width, height = image.size
    if style == "pond":
        c.rect([0, 0, WIDTH, HEIGHT], (60, 110, 130))
        for _ in range(14):
            x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
            c.ellipse([x - 60, y - 16, x + 60, y + 16], (74, 126, 146))
        return
    if style == "scene":
        c.rect([0, 0, WIDTH, HEIGHT], (196, 222, 240))
        return
    if style == "surface":  # seen from above: a wooden table top
        c.rect([0, 0, WIDTH, HEIGHT], (214, 190, 160))
        for _ in range(18):
            y = rng.randint(0, HEIGHT)
            c.line([(0, y), (WIDTH, y + rng.randint(-10, 10))], (204, 178, 146), 3)
        return
    # a softly lit wall: lighter in the middle of the top
    for y in range(0, HEIGHT, 4):
        c.rect([0, y, WIDTH, y + 4], shade(wall, 0.9 + 0.1 * (1 - abs(y - 150) / 450)))
    if style == "wall":
        return
    floor = (
        shade(wall, 0.78) if style == "floor" else tuple(int(0.6 * a + 0.4 * b) for a, b in zip(wall, (196, 160, 120)))
    )
    c.rect([0, TABLE_Y, WIDTH, HEIGHT], floor)
    c.rect([0, TABLE_Y, WIDTH, TABLE_Y + 3], shade(floor, 0.85))


def draw_picture(kind, craft_slug=None, group=None, seed=0, variant=0):
    """JPEG bytes (800×600) of a product of this kind, in its craft's (or group's) colours.

    `variant` 1, 2… is a second photo of the same product: the same object seen a little
    closer and from the side, so a gallery shows two different pictures.
    """
    drawing, style = KINDS[kind]
    main, accent, wall = PALETTES.get(craft_slug) or PALETTES.get(group) or DEFAULT_PALETTE
    main = KIND_COLOURS.get((craft_slug, kind), main)
    rng = random.Random(f"{kind}|{craft_slug}|{seed}")
    # a small shift of hue per product, so two vases of one workshop are not identical
    tint = rng.uniform(0.88, 1.08)
    main = tuple(min(255, int(v * tint)) for v in main)
    image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), wall)
    canvas = Canvas(image)
    _background(image, canvas, wall, style, rng)
    if style in ("table", "floor"):
        # a soft shadow on the table under the object
        # (blurred small and scaled up: blurring the full canvas is slow)
        shadow = Image.new("L", (WIDTH // 8, HEIGHT // 8), 0)
        ImageDraw.Draw(shadow).ellipse([v / 8 for v in (170, 440, 630, 500)], fill=45)
        shadow = shadow.filter(ImageFilter.GaussianBlur(2.2)).resize(image.size, Image.Resampling.BILINEAR)
        image.paste((0, 0, 0), mask=shadow)
    drawing(canvas, rng, main, accent)
    # each product framed a little differently (closer, further left or right), so two
    # workshops' teapots are not the same picture
    zoom = rng.uniform(1.0, 1.12)
    crop_w, crop_h = image.width / zoom, image.height / zoom
    left = (image.width - crop_w) * rng.uniform(0.2, 0.8)
    top = (image.height - crop_h) * rng.uniform(0.3, 0.7)
    image = image.crop((int(left), int(top), int(left + crop_w), int(top + crop_h)))
    picture = image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    if variant:
        # the second photo: closer, from one side
        box_w, box_h = int(WIDTH * 0.72), int(HEIGHT * 0.72)
        left = int((WIDTH - box_w) * (0.15 if variant % 2 else 0.85))
        top = int((HEIGHT - box_h) * 0.45)
        picture = picture.crop((left, top, left + box_w, top + box_h)).resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=84, optimize=True)
    return buffer.getvalue()


def draw_product_image(product, kind, variant=0):
    """The demo picture of a product: its kind's drawing in its craft's colours (JPEG bytes)."""
    return draw_picture(
        kind,
        craft_slug=product.craft.slug if product.craft else None,
        group=product.group,
        seed=stable_int(product.slug) % 10_000,
        variant=variant,
    )
