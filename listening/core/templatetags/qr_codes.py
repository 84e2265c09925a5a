"""QR codes drawn as inline SVG (segno), for charts printed on paper."""

import segno
from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def qr_code(context, url: str, label: str = ""):
    """An inline SVG QR code that opens `url` (made absolute for this request), labelled for screen readers."""
    request = context.get("request")
    absolute = request.build_absolute_uri(url) if request is not None else url
    # Medium error correction survives a smudged or creased print; a viewBox (no fixed size) lets CSS size it.
    svg = segno.make(absolute, error="m").svg_inline(border=4, dark="#000", light="#fff", omitsize=True)
    return format_html(
        '<span class="qr-code" role="img" aria-label="{}" data-qr-url="{}">{}</span>',
        label or f"QR code: {absolute}",
        absolute,
        mark_safe(svg),  # noqa: S308 - segno's own SVG of a URL it encoded
    )
