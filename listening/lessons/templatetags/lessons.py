"""Lessons where other pages list them (a soundtrack lists the lessons under it)."""

from django import template

from listening.lessons.models import lessons_under

register = template.Library()


@register.simple_tag
def lessons_for(page):
    """The lessons a reader may see under `page`."""
    return lessons_under(page) if page is not None and page.pk else []
