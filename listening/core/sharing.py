"""What a page says about itself to link previews and search engines: one home for it.

Each public page answers `meta_description()`, `share_image()` and `share_title()` (a cue's permalink
passes its cue: `track.share_card(request, cue=cue)`); `share_card` turns them into absolute URLs and
plain text for the `includes/share_meta.html` template (meta description, canonical link, Open Graph
and Twitter tags). Text is plain here: templates escape it once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from .renditions import rendition_or_none

DESCRIPTION_LENGTH = 160
# The size link previews show large (1.91:1), as JPEG: every consumer of Open Graph reads it.
WIDE_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
# Portraits keep their faces: a square, shown small beside the text.
SQUARE_IMAGE_SPEC = "fill-600x600|format-jpeg|jpegquality-80"


def description(*texts: str, length: int = DESCRIPTION_LENGTH) -> str:
    """Plain texts joined, cut between words to about `length` characters. Rich text goes through
    `plain_text` first (`describe` does it); a title's `<` is a character, not markup."""
    text = " ".join(" ".join(texts).split())
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length)
    return text[: cut if cut > length // 2 else length].rstrip(" ,;:.–—") + "…"


@dataclass(frozen=True)
class ShareCard:
    title: str
    description: str
    url: str  # absolute, canonical
    type: str  # og:type
    image: str = ""  # absolute URL
    image_width: int = 0
    image_height: int = 0
    image_alt: str = ""

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image and self.image_width > self.image_height else "summary"


class Shareable:
    """Mixin for page models: a meta description, a preview image and a title for link previews.

    Models override `describe` (the plain texts a description is made of) and `share_image` (a Wagtail image,
    or None); keyword arguments name a part of the page with its own preview (a track's cue). An
    editor's "search description" (Wagtail's promote tab) wins over the page's own words.
    """

    og_type = "website"
    share_image_spec = WIDE_IMAGE_SPEC

    def describe(self, **subject) -> list[str]:
        return []

    def meta_description(self, **subject) -> str:
        if self.search_description and not subject:
            return description(self.search_description)
        return description(*self.describe(**subject)) or description(self.share_title(**subject))

    def share_image(self, **subject):
        return None

    def share_title(self, **subject) -> str:
        return self.seo_title or self.title

    def share_url(self, **subject) -> str:
        return self.url

    def structured_data(self, request, **context) -> dict | None:
        """The page as schema.org JSON-LD (a dict with its "@context"), or None when it has none."""
        return None

    def share_card(self, request, *, fallback_image=None, **subject) -> ShareCard:
        """The page's preview, with absolute URLs; `fallback_image` when it has no picture of its own."""
        image = self.share_image(**subject) or fallback_image
        rendition = rendition_or_none(image, self.share_image_spec)
        return ShareCard(
            title=self.share_title(**subject),
            description=self.meta_description(**subject),
            url=request.build_absolute_uri(self.share_url(**subject)),
            type=self.og_type,
            image=request.build_absolute_uri(rendition.url) if rendition else "",
            image_width=rendition.width if rendition else 0,
            image_height=rendition.height if rendition else 0,
            image_alt=(rendition.alt or image.title) if rendition else "",
        )


# -- schema.org JSON-LD ------------------------------------------------------------------------

SCHEMA_CONTEXT = "https://schema.org"
# As Django's json_script: what could end the <script> element or open a comment in it is escaped
# inside JSON strings, where `\u003C` means the same `<` to a JSON-LD reader.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    """A `<script type="application/ld+json">` holding `data`: a data block, never executed, so the
    Content-Security-Policy's script rules do not apply to it (no nonce needed)."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder, separators=(",", ":"))
    escaped = mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308 - JSON with <, >, & escaped
    return format_html('<script type="application/ld+json">{}</script>', escaped)


def iso_duration(ms: int) -> str:
    """A length as ISO 8601, as schema.org's `duration` wants it: 165500 → `PT2M45.5S`."""
    minutes, rest = divmod(int(ms), 60_000)
    return f"PT{minutes}M{rest / 1000:g}S"


def offset_seconds(ms: int) -> float | int:
    """A time in seconds for schema.org's `startOffset` and `endOffset`: 83500 → 83.5, 83000 → 83."""
    return ms // 1000 if ms % 1000 == 0 else ms / 1000


def without_empty(data: dict) -> dict:
    """The fields of a JSON-LD node that have a value."""
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}
