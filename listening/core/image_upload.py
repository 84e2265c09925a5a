"""Image uploads in the admin: an image that is not one, is cut short, or is a decompression bomb is
refused on the form with one sentence, never a server error (WAGTAILIMAGES_IMAGE_FORM_BASE).

Wagtail reads the header (format, size, pixel count) but a truncated PNG raises from inside its
checks, and a truncated JPEG passes them and only fails later when a rendition is made. So the
field below decodes the whole image once, under the same pixel limit, before anything is saved.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .image_errors import DECODE_ERRORS
from .media_folder import RefusesUploadsIntoUnwritableMedia

DAMAGED = "“%(name)s” is damaged or incomplete (it may have been cut off while uploading); export it again."
NOT_AN_IMAGE = "“%(name)s” is not an image we can read; upload a JPEG, PNG, GIF, WebP or AVIF file."


class CheckedImageField(WagtailImageField):
    def to_python(self, data):
        name = getattr(data, "name", "The file")
        try:
            upload = super().to_python(data)
        except ValidationError:
            raise
        except (Image.DecompressionBombError, *DECODE_ERRORS) as error:
            raise ValidationError(DAMAGED, code="damaged_image", params={"name": name}) from error
        if upload is not None:
            self.decode_fully(upload, name)
        return upload

    def decode_fully(self, upload, name):
        # Wagtail has already refused more than WAGTAILIMAGES_MAX_IMAGE_PIXELS; Pillow's own bomb
        # check (on by default) still guards the decoding below.
        try:
            upload.seek(0)
            with Image.open(upload) as image:
                # A JPEG decodes at an eighth of its size here: enough to reach its last byte.
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
        except UnidentifiedImageError as error:
            raise ValidationError(NOT_AN_IMAGE, code="invalid_image", params={"name": name}) from error
        except Image.DecompressionBombError as error:
            raise ValidationError(
                "“%(name)s” has too many pixels to be safe to open.", code="too_many_pixels", params={"name": name}
            ) from error
        except DECODE_ERRORS as error:
            raise ValidationError(DAMAGED, code="damaged_image", params={"name": name}) from error
        finally:
            upload.seek(0)


class CheckedImageForm(RefusesUploadsIntoUnwritableMedia, BaseImageForm):
    """Wagtail's image form with the file field above; the single and multiple upload views both use it.

    It also refuses, on the form, an image the media folder cannot take.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and type(field) is WagtailImageField:
            field.__class__ = CheckedImageField  # same arguments and state; only to_python differs
