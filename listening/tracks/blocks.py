"""The blocks a soundtrack's story is written in: chapters with an optional quote, and "Myth and record"."""

from wagtail import blocks

from listening.core.rich_text import STORY_FEATURES


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(required=False)
    attribution = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "openquote"
        template = "tracks/blocks/quote.html"


class ChapterBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=STORY_FEATURES)
    quote = QuoteBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "tracks/blocks/chapter.html"


class MythBlock(blocks.StructBlock):
    claim = blocks.TextBlock(help_text="The claim as it is usually repeated.")
    record = blocks.RichTextBlock(features=STORY_FEATURES, help_text="What the sources say.")


class MythsChapterBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Myth and record")
    intro = blocks.RichTextBlock(features=STORY_FEATURES, required=False)
    myths = blocks.ListBlock(MythBlock())

    class Meta:
        icon = "warning"
        template = "tracks/blocks/myths.html"
