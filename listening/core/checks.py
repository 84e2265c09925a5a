"""System checks of the base layer, registered in CoreConfig.ready."""

from django.core.checks import Warning

from .media_folder import describe_media_folder_problems, media_folder_problems


def check_media_folder(app_configs=None, **kwargs):
    """A media folder the site cannot write is reported at start-up, not at the first upload."""
    problems = media_folder_problems()
    if not problems:
        return []
    return [
        Warning(
            describe_media_folder_problems(problems),
            hint="Let the user the site runs as write there, or set MEDIA_ROOT to a folder it can write.",
            id="core.W001",
        )
    ]
