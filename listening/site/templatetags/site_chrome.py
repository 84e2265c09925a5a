from django import template

from listening.site.chrome import chrome_for

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """The header and footer of the page being rendered (see listening.site.chrome), worked out once."""
    request = context.get("request")
    page = context.get("page")
    cache_key = getattr(page, "pk", None)
    cached = getattr(request, "_site_chrome", None)
    if cached is not None and cached[0] == cache_key:
        return cached[1]
    chrome = chrome_for(request, page)
    if request is not None:
        request._site_chrome = (cache_key, chrome)
    return chrome
