"""Compute waveform peaks for audio kept before ingest computed them: `manage.py compute_peaks`."""

from pathlib import PurePath

from django.core.management.base import BaseCommand

from listening.tracks.models import AudioFile
from listening.tracks.waveform import decode_peaks, decoder_available


class Command(BaseCommand):
    help = "Compute the waveform peaks (audiowaveform JSON, beside the audio) of audio files that have none."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Compute them again for every audio file.")

    def handle(self, *args, all=False, **options):
        if not decoder_available():
            self.stderr.write("No audio decoder is installed (pip install miniaudio): no peaks computed.")
            return
        audio_files = AudioFile.objects.exclude(file="")
        if not all:
            audio_files = audio_files.filter(peaks="")
        done, skipped = 0, []
        for audio in audio_files.iterator():
            if not audio.file_is_stored:
                skipped.append(f"{audio.file.name} (missing from storage)")
                continue
            with audio.file.open("rb") as handle:
                peaks = decode_peaks(
                    handle, audio.file.name, duration_ms=audio.duration_ms, sample_rate=audio.sample_rate
                )
            if peaks is None:
                skipped.append(
                    f"{audio.file.name} ({PurePath(audio.file.name).suffix or 'no'} format: not decodable here)"
                )
                continue
            audio.store_peaks(peaks)
            audio.save(update_fields=["peaks"])
            done += 1
            if options["verbosity"] > 1:
                self.stdout.write(f"  {audio.peaks.name}")
        self.stdout.write(f"Computed waveform peaks for {done} audio file(s).")
        for line in skipped:
            self.stderr.write(f"Skipped {line}.")
