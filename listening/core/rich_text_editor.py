"""The admin's rich-text editor widget (see WAGTAILADMIN_RICH_TEXT_EDITORS in settings)."""

from functools import lru_cache

from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from .rich_text import clean_rich_text


@lru_cache(maxsize=32)
def _converter(features: tuple[str, ...] | None) -> ContentstateConverter:
    return ContentstateConverter(list(features) if features is not None else None)


@lru_cache(maxsize=4096)
def _editor_json(features: tuple[str, ...] | None, html: str) -> str:
    return _converter(features).from_database_format(html)


class SafeDraftailRichTextArea(DraftailRichTextArea):
    """Draftail, refusing to fail on a post it did not write, and quick on pages with hundreds of them.

    Draftail posts its content as JSON; a hand-made post (raw HTML, broken JSON) would otherwise raise
    and answer with a server error. Such input is cleaned as HTML to the editor's features instead.

    Converting between the stored HTML and the editor's JSON is a pure function of the text and the
    features, yet Django asks for it again and again: each of a 300-cue track's rows is converted on
    every opening, and twice on every save (to clean the row and to see whether it changed).
    """

    def format_value(self, value):
        html = super(DraftailRichTextArea, self).format_value(value)
        features = tuple(self.features) if self.features is not None else None
        return _editor_json(features, html or "")

    def value_from_datadict(self, data, files, name):
        raw = data.get(name)
        if raw is None:
            return None
        remembered = getattr(self, "_remembered", None)
        if remembered is not None and remembered[0] == (name, raw):
            return remembered[1]
        try:
            value = super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            value = clean_rich_text(str(raw), self.features)
        self._remembered = ((name, raw), value)
        return value
