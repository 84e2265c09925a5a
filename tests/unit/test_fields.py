"""The millisecond field and the time inputs: what an editor types, what is kept, what is shown back."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from listening.core.fields import ExactTimecodeInput, MillisecondsField, TimecodeFormField, TimecodeInput


@pytest.mark.parametrize(
    ("typed", "ms"),
    [
        ("1:23.5", 83_500),
        (" 83 ", 83_000),
        ("1m23s", 83_000),
        ("0:01:23.456", 83_456),
        ("0", 0),
        (83_500, 83_500),  # a value already in milliseconds (an initial value) passes through
        ("", None),
        (None, None),
    ],
)
def test_the_form_field_reads_any_time_form_into_milliseconds(typed, ms):
    assert TimecodeFormField(required=False).clean(typed) == ms


@pytest.mark.parametrize("typed", ["soon", "1:60", "-5", "1e3", "99999999999"])
def test_the_form_field_refuses_what_is_not_a_time_with_the_parsers_reason(typed):
    with pytest.raises(ValidationError) as refused:
        TimecodeFormField().clean(typed)
    assert refused.value.error_list[0].code == "invalid_time"
    assert f"“{typed}”" in refused.value.messages[0]  # the message quotes what the editor typed


def test_a_required_time_must_be_given():
    with pytest.raises(ValidationError) as refused:
        TimecodeFormField().clean("")
    assert refused.value.error_list[0].code == "required"


@pytest.mark.parametrize(
    ("widget", "value", "shown"),
    [
        (TimecodeInput, 83_500, "1:23.5"),
        (TimecodeInput, 83_456, "1:23.5"),  # display rounds to tenths
        (TimecodeInput, 3_723_000, "1:02:03.0"),
        (TimecodeInput, "1:2x", "1:2x"),  # what the editor typed comes back as typed, to correct
        (TimecodeInput, None, None),
        (ExactTimecodeInput, 83_500, "1:23.5"),
        (ExactTimecodeInput, 83_456, "1:23.456"),  # editing never rounds an imported time
        (ExactTimecodeInput, "soon", "soon"),
    ],
)
def test_inputs_show_milliseconds_as_minutes_and_seconds(widget, value, shown):
    assert widget().format_value(value) == shown


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        (None, {"inputmode": "decimal", "placeholder": "m:ss.s", "data-timecode": "", "autocomplete": "off"}),
        ({"placeholder": "h:mm:ss"}, {"placeholder": "h:mm:ss", "inputmode": "decimal", "data-timecode": ""}),
    ],
)
def test_the_input_is_a_text_box_for_decimal_times(attrs, expected):
    widget = TimecodeInput(attrs)
    assert widget.input_type == "text"  # not type=number, which refuses "1:23"
    assert expected.items() <= widget.attrs.items()


@pytest.mark.parametrize(
    ("field", "required"),
    [(MillisecondsField("start", default=0), True), (MillisecondsField("end", null=True, blank=True), False)],
)
def test_the_model_field_is_edited_with_the_time_form_field(field, required):
    form_field = field.formfield()
    assert isinstance(form_field, TimecodeFormField)
    assert isinstance(form_field.widget, TimecodeInput)
    assert form_field.required is required
    # A time is not a number input: no min/max bounds from PositiveIntegerField.
    assert not isinstance(form_field, forms.IntegerField)
    assert "min" not in form_field.widget_attrs(form_field.widget)
