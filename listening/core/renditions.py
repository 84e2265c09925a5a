"""Renditions that never break a page: an image whose rendition cannot be made is left out, and logged.

Wagtail raises when it cannot make a rendition of an image whose original file is missing or cannot be
read, when the original is damaged, or when the media folder cannot take the new file; its `{% image %}`
tag catches only the first and then writes a broken `<img src="…/not-found">`. Pages ask here (and
templates through `{% image_or_nothing %}`), so a reader sees the page without that picture, and the
log says which image needs its file restored.
"""

from __future__ import annotations

import logging

from PIL import Image

from .image_errors import DECODE_ERRORS

logger = logging.getLogger(__name__)

# SourceImageIOError (original missing or unreadable) and the storage's own errors are OSErrors;
# the rest are what Pillow and Willow raise for a damaged file.
RENDITION_ERRORS = (Image.DecompressionBombError, *DECODE_ERRORS)


def rendition_or_none(image, spec):
    """The image's rendition for `spec` (a filter spec string or Filter), or None when it cannot be made."""
    if image is None:
        return None
    try:
        return image.get_rendition(spec)
    except RENDITION_ERRORS as error:
        logger.warning(
            "Image %s (“%s”, file %s) left out of a page: its %s rendition could not be made: %s",
            image.pk,
            image.title,
            image.file.name,
            getattr(spec, "spec", spec),
            error,
        )
        return None
