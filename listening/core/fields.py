"""A millisecond model field and the admin inputs that read and show times through the shared time code."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from .timecode import TimeFormatError, format_exact, format_time, parse_time


class TimecodeInput(forms.TextInput):
    input_type = "text"

    def __init__(self, attrs=None):
        defaults = {
            "inputmode": "decimal",
            "autocomplete": "off",
            "spellcheck": "false",
            "placeholder": "m:ss.s",
            "class": "timecode-input",
            "data-timecode": "",
        }
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int):
            return format_time(value)
        return super().format_value(value)


class ExactTimecodeInput(TimecodeInput):
    """A time input that shows back what was stored: saving a page never rounds an imported 1:23.456."""

    def format_value(self, value):
        if isinstance(value, int):
            return format_exact(value)
        return super().format_value(value)


class TimecodeFormField(forms.Field):
    """Takes `1:23.5`, `83.5`, `0:01:23`, `1m23s`…; cleans to integer milliseconds."""

    widget = TimecodeInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        try:
            return parse_time(str(value))
        except TimeFormatError as error:
            raise ValidationError(str(error), code="invalid_time") from error


class MillisecondsField(models.PositiveIntegerField):
    """A time in integer milliseconds, edited as `m:ss.s`."""

    def formfield(self, **kwargs):
        # Skip IntegerField.formfield: its min/max bounds belong to number inputs, not to times.
        kwargs.pop("min_value", None)
        kwargs.pop("max_value", None)
        kwargs.setdefault("form_class", TimecodeFormField)
        return models.Field.formfield(self, **kwargs)
