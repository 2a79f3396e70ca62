"""QR code images (SVG, PNG, inline SVG paths) of a URL.

The codes are drawn by the `qrcode` library; this module only fixes the choices that
matter for a label in a showroom:

- error correction M (15 % of the code may be scuffed or covered and it still reads),
  the level GS1 recommends for Digital Link QR codes; higher levels make the code
  denser for the same URL, which hurts more on a 3 cm label than it helps;
- a quiet zone of 4 modules, the minimum of ISO/IEC 18004 (phones misread codes printed
  right up against a label's text or edge);
- the URL as given (Product.qr_url / Lot.qr_url build it from SITE_URL).
"""

import io
from dataclasses import dataclass

import qrcode
import qrcode.constants
import qrcode.image.svg

ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_M
QUIET_ZONE_MODULES = 4
# A module of 10 px in the PNG (a 33-module code is 410 px with its quiet zone): sharp
# enough to print at label size, small enough to download on a phone.
PNG_MODULE_PX = 10


def make_qr(data):
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=QUIET_ZONE_MODULES, box_size=PNG_MODULE_PX)
    code.add_data(data)
    code.make(fit=True)
    return code


def qr_svg(data):
    """A standalone SVG document (bytes), white background included, 1 mm per module."""
    image = make_qr(data).make_image(image_factory=qrcode.image.svg.SvgPathFillImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()


def qr_png(data):
    """A black-on-white PNG (bytes)."""
    image = make_qr(data).make_image(fill_color="black", back_color="white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@dataclass(frozen=True)
class QrPath:
    """The code as one SVG path in a size × size box (quiet zone included), for inlining.

    Label sheets put dozens of codes in one document; a bare path avoids the duplicate
    element ids and XML declarations of standalone SVG files.
    """

    size: int
    d: str


def qr_path(data):
    image = make_qr(data).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    # box_size 10 is 1 "mm" per module in qrcode's SVG units, so the viewBox counts modules.
    return QrPath(size=int(image.units(image.pixel_size, text=False)), d=image.path.get("d"))
