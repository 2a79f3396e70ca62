import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def jpeg(color=(30, 80, 160), size=(640, 480)):
    """An uploaded JPEG photo of one colour."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")
