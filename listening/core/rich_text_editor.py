"""The admin's rich-text editor widget (see WAGTAILADMIN_RICH_TEXT_EDITORS in settings)."""

from wagtail.admin.rich_text import DraftailRichTextArea

from .rich_text import clean_rich_text


class SafeDraftailRichTextArea(DraftailRichTextArea):
    """Draftail, refusing to fail on a post it did not write.

    Draftail posts its content as JSON; a hand-made post (raw HTML, broken JSON) would otherwise raise
    and answer with a server error. Such input is cleaned as HTML to the editor's features instead.
    """

    def value_from_datadict(self, data, files, name):
        raw = data.get(name)
        if raw is None:
            return None
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            return clean_rich_text(str(raw), self.features)
