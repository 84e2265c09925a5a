"""`{% share_meta %}`: the meta description, canonical link, Open Graph and Twitter tags of a page.

Pages say what they are through listening.core.sharing (`share_card`); a view that is not a page
(search) gives `share_title` and `share_description` in its context. Pages without a picture of their
own show their soundtrack's cover, as the header shows its name.
"""

from django import template

from listening.core.renditions import rendition_or_none
from listening.core.sharing import WIDE_IMAGE_SPEC, Shareable, ShareCard, description, json_ld_script

register = template.Library()


@register.inclusion_tag("includes/share_meta.html", takes_context=True)
def share_meta(context):
    request = context["request"]
    chrome = context.get("chrome")
    fallback = chrome.soundtrack.cover if chrome is not None and chrome.soundtrack is not None else None
    card = context.get("share_card")
    page = context.get("page")
    if card is None and isinstance(page, Shareable):
        card = page.share_card(request, fallback_image=fallback)
    if card is None:
        card = _card_for_a_view(context, request, fallback)
    return {"card": card, "site_name": chrome.site_name if chrome is not None else ""}


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org JSON-LD (`json_ld` in the context, or the page's own), or nothing."""
    data = context.get("json_ld")
    page = context.get("page")
    if data is None and isinstance(page, Shareable):
        data = page.structured_data(context["request"])
    return json_ld_script(data) if data else ""


def _card_for_a_view(context, request, fallback) -> ShareCard:
    rendition = rendition_or_none(fallback, WIDE_IMAGE_SPEC)
    title = context.get("share_title") or (context["chrome"].site_name if context.get("chrome") else "")
    return ShareCard(
        title=title,
        description=description(context.get("share_description") or title),
        url=request.build_absolute_uri(request.path),
        type="website",
        image=request.build_absolute_uri(rendition.url) if rendition else "",
        image_width=rendition.width if rendition else 0,
        image_height=rendition.height if rendition else 0,
        image_alt=(rendition.alt or fallback.title) if rendition else "",
    )
