"""Can the site write to its media folder? Asked by a system check at start-up, by a warning on the
admin dashboard, and by every upload form before it accepts a file.

A folder that cannot be written (wrong owner after a restore, a read-only mount, a full disk) would
otherwise show itself as a server error on the next upload or the next new image size. The only
reliable question is to write: permissions alone do not tell (root ignores them; a read-only mount
keeps them), so a small file is made and removed.

Only local folders are asked; object storage is left to answer for itself.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django import forms
from django.core.files.storage import FileSystemStorage, default_storage


def write_problem(storage=default_storage, folder: str = "") -> str | None:
    """Why files cannot be written to `folder` of local `storage` (e.g. "Permission denied"), or None.

    Nothing is left behind: a folder not made yet is not made here (the first upload makes it), its
    nearest existing parent is asked instead.
    """
    if not isinstance(storage, FileSystemStorage):
        return None
    path = Path(storage.path(folder)) if folder else Path(storage.location)
    try:
        while not path.exists() and path != path.parent:
            path = path.parent
        if not path.is_dir():
            return f"{path} is not a folder"
        with tempfile.NamedTemporaryFile(dir=path, prefix=".write-check-"):
            pass
    except OSError as error:
        return error.strerror or str(error)
    return None


def media_folder_problems(storage=default_storage) -> list[tuple[Path, str]]:
    """The local media folder and those of its folders that cannot be written, each with why.

    Uploads go to folders of their own (original_images, images, documents, audio…), which can
    lose their permissions apart from the folder they are in, so each existing one is asked too.
    """
    if not isinstance(storage, FileSystemStorage):
        return []
    root = Path(storage.location)
    problem = write_problem(storage)
    if problem:
        return [(root, problem)]
    if not root.is_dir():
        return []  # made by the first upload, in a folder that can be written
    folders = sorted(entry.name for entry in os.scandir(root) if entry.is_dir() and not entry.name.startswith("."))
    return [(root / name, reason) for name in folders if (reason := write_problem(storage, name))]


def describe_media_folder_problems(problems: list[tuple[Path, str]]) -> str:
    """One sentence for people who run the site, e.g. "The media folder /srv/media cannot be written (…)"."""
    shown = "; ".join(f"{path} ({reason})" for path, reason in problems)
    noun = "folder" if len(problems) == 1 else "folders"
    return (
        f"The media {noun} {shown} cannot be written, so uploads and new image sizes fail "
        "until the site may write there."
    )


class RefusesUploadsIntoUnwritableMedia(forms.BaseForm):
    """A model form with an upload field that says, on the form, when the file could not be kept.

    Checked before the file is saved: once a view has its valid form, a failed save is a server error.
    """

    upload_field_name = "file"

    def clean(self):
        cleaned = super().clean()
        name = self.upload_field_name
        upload = cleaned.get(name)
        if upload and name in self.changed_data and not self.has_error(name):
            model_field = self._meta.model._meta.get_field(name)
            folder = os.path.dirname(model_field.generate_filename(self.instance, os.path.basename(upload.name)))
            reason = write_problem(model_field.storage, folder)
            if reason:
                self.add_error(
                    name,
                    f"“{os.path.basename(upload.name)}” could not be kept because the site cannot write to its media "
                    f"folder ({reason}); tell whoever runs the site.",
                )
        return cleaned
