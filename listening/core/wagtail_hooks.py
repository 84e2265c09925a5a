from wagtail import hooks
from wagtail.admin.ui.components import Component

from .media_folder import describe_media_folder_problems, media_folder_problems


class MediaFolderWarningPanel(Component):
    """On the dashboard while the media folder cannot be written: uploads fail until it can."""

    order = 10  # above Wagtail's own panels
    template_name = "core/admin/media_folder_panel.html"

    def __init__(self, message: str):
        self.message = message

    def get_context_data(self, parent_context=None):
        return {"message": self.message}


@hooks.register("construct_homepage_panels")
def warn_of_an_unwritable_media_folder(request, panels):
    problems = media_folder_problems()
    if problems:
        panels.append(MediaFolderWarningPanel(describe_media_folder_problems(problems)))
