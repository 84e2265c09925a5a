"""Document uploads in the admin (WAGTAILDOCS_DOCUMENT_FORM_BASE): Wagtail's form, refusing on the
form a document the media folder cannot take, instead of a server error when it is saved."""

from wagtail.documents.forms import BaseDocumentForm

from .media_folder import RefusesUploadsIntoUnwritableMedia


class CheckedDocumentForm(RefusesUploadsIntoUnwritableMedia, BaseDocumentForm):
    pass
