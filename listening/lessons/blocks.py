"""A lesson's steps as StreamField blocks: listening, reading, and "guess before you read".

Each block checks what the editor typed against its track (steps.py holds the rules), so a lesson
cannot be published with a range the parser cannot read or that runs past the track.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from listening.core.rich_text import STORY_FEATURES, plain_text

from .steps import GUESS_KINDS, WHO, StepError, check_guess, read_range

TIME_HELP = "Any form: 83, 1:23, 1:23.5, 0:01:23 or 1m23s."


def _refuse(error: StepError):
    raise StructBlockValidationError(block_errors={error.field: ValidationError(error.message)})


class ListeningStepBlock(blocks.StructBlock):
    track = blocks.PageChooserBlock(page_type="tracks.TrackPage")
    start = blocks.CharBlock(max_length=32, help_text=TIME_HELP)
    end = blocks.CharBlock(max_length=32, help_text=TIME_HELP)
    prompt = blocks.TextBlock(help_text="What the students do while they listen.")
    listen_for = blocks.ListBlock(
        blocks.CharBlock(max_length=200),
        label="Listen for",
        help_text="A checklist the students tick as they hear each.",
    )
    question = blocks.TextBlock(required=False, help_text="Optional: asked after listening.")
    answer = blocks.RichTextBlock(
        features=STORY_FEATURES, required=False, help_text="Revealed once the range has played."
    )

    class Meta:
        icon = "media"
        label = "Listening step"
        # The range picker (static/js/admin/range-picker.js) finds the steps by this class.
        form_classname = "struct-block listening-step-block"

    def clean(self, value):
        value = super().clean(value)
        track = value.get("track")
        if track is not None:
            try:
                read_range(value["start"], value["end"], track.specific.duration_ms)
            except StepError as error:
                _refuse(error)
        answer = value.get("answer")
        if answer is not None and plain_text(answer.source).strip() and not value.get("question"):
            raise StructBlockValidationError(
                block_errors={"question": ValidationError("An answer needs its question.")}
            )
        return value


class ReadingStepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False)
    body = blocks.RichTextBlock(features=STORY_FEATURES)

    class Meta:
        icon = "doc-full"
        label = "Reading step"


class GuessStepBlock(blocks.StructBlock):
    track = blocks.PageChooserBlock(page_type="tracks.TrackPage")
    cue = blocks.CharBlock(
        max_length=80,
        label="Cue",
        help_text="The slug of the cue to guess (see the cue's permalink): play stops where it starts.",
    )
    kind = blocks.ChoiceBlock(choices=GUESS_KINDS, default=WHO, label="Ask")
    listen_from = blocks.CharBlock(
        max_length=32, required=False, help_text="Where to start playing. Empty: the previous cue, at most 15 s before."
    )
    prompt = blocks.TextBlock(required=False, help_text="Optional: what to listen for before guessing.")

    class Meta:
        icon = "help"
        label = "Guess before you read"
        form_classname = "struct-block guess-step-block"

    def clean(self, value):
        value = super().clean(value)
        track = value.get("track")
        if track is not None:
            try:
                check_guess(track.specific, value["cue"].strip(), value["kind"], value.get("listen_from", "").strip())
            except StepError as error:
                _refuse(error)
        return value


STEP_BLOCKS = [
    ("listening", ListeningStepBlock()),
    ("reading", ReadingStepBlock()),
    ("guess", GuessStepBlock()),
]
