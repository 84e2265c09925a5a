"""`{% image_or_nothing %}`: Wagtail's `{% image %}`, except that an image whose rendition cannot be
made (its file missing, unreadable or damaged) renders nothing instead of a broken picture or an error.

Same arguments as `{% image %}`: `{% image_or_nothing page.portrait fill-96x96 format-webp alt="" %}`,
or `… as portrait` to name the rendition (None when there is none).
"""

from django import template
from django.template.base import Token
from wagtail.images.templatetags.wagtailimages_tags import ImageNode
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

from listening.core.renditions import rendition_or_none

register = template.Library()


class ImageOrNothingNode(ImageNode):
    def render(self, context):
        image = self.validate_image(context)
        rendition = rendition_or_none(image, self.get_filter()) if image else None
        if self.output_var_name:
            context[self.output_var_name] = rendition
            return ""
        if rendition is None:
            return ""
        return rendition.img_tag({key: value.resolve(context) for key, value in self.attrs.items()})


@register.tag
def image_or_nothing(parser, token):
    # Wagtail's own parser reads the arguments, so both tags take exactly the same ones.
    tag_name, _, arguments = token.contents.partition(" ")
    parsed = parse_image_tag(parser, Token(token.token_type, f"image {arguments}", token.position, token.lineno))
    return ImageOrNothingNode(
        parsed.image_expr, parsed.filter_specs, output_var_name=parsed.output_var_name, attrs=parsed.attrs
    )
