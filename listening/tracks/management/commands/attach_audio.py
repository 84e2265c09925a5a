"""Attach an audio file to a track: `manage.py attach_audio <track-slug> <file>`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from listening.tracks.audio_ingest import AudioRejected
from listening.tracks.models import AudioFile, TrackPage


class Command(BaseCommand):
    help = "Read an audio file with mutagen, keep it, and make it the audio of a track (publishing the change)."

    def add_arguments(self, parser):
        parser.add_argument("track", help="The track page's slug, e.g. generique.")
        parser.add_argument("file", help="Path to the audio file (MP3, M4A, Ogg, FLAC or WAV).")
        parser.add_argument("--title", help="Title for the audio file; defaults to its tags or its name.")
        parser.add_argument("--credit", default="", help="Licence or source of the recording.")

    def handle(self, *args, track, file, title=None, credit="", **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"“{file}” is not a file.")

        audio = AudioFile(credit=credit)
        with path.open("rb") as handle:
            try:
                # Read (and keep) the file before looking for the track: a bad file is named first.
                audio.ingest(handle, path.name, title=title or "")
            except AudioRejected as error:
                raise CommandError(str(error)) from None
        try:
            page = self.find_track(track)
        except CommandError:
            audio.file.delete(save=False)
            if audio.peaks:
                audio.peaks.delete(save=False)
            raise

        try:
            with transaction.atomic():
                audio.save()
                if page.has_unpublished_changes:
                    # Publishing now would also publish someone's unfinished draft: add to the draft instead.
                    draft = page.get_latest_revision_as_object()
                    draft.audio = audio
                    draft.save_revision(log_action=True)
                    outcome = "saved it to the page's draft (publish the draft in the admin)"
                else:
                    page.audio = audio
                    page.save_revision(log_action=True).publish()
                    outcome = "published it"
        except BaseException:
            # Keep the media folder as it was when the database change did not happen.
            audio.file.delete(save=False)
            if audio.peaks:
                audio.peaks.delete(save=False)
            raise

        self.stdout.write(
            self.style.SUCCESS(f"Attached “{audio.title}” ({audio.summary}) to “{page.title}” and {outcome}.")
        )

    def find_track(self, slug):
        tracks = list(TrackPage.objects.filter(slug=slug))
        if not tracks:
            raise CommandError(f"No track has the slug “{slug}”.")
        if len(tracks) > 1:
            raise CommandError(f"Several tracks have the slug “{slug}”; rename one in the admin first.")
        return tracks[0]
