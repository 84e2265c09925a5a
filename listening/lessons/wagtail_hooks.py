from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks

from . import admin_views

lesson_admin_urls = [
    path("track-chart/<int:page_id>/", admin_views.track_chart, name="track_chart"),
]


@hooks.register("register_admin_urls")
def register_lesson_admin_urls():
    return [path("lessons/", include((lesson_admin_urls, "lessons_admin")))]


@hooks.register("insert_editor_js")
def range_picker_js():
    # "Pick the range on the chart" under each listening step, and added steps too (static/js/admin/range-picker.js).
    return format_html(
        '<script type="module" src="{}" data-track-chart-url="{}"></script>',
        static("js/admin/range-picker.js"),
        reverse("lessons_admin:track_chart", args=[0]),
    )


@hooks.register("insert_global_admin_css")
def range_picker_css():
    return format_html(
        '<link rel="stylesheet" href="{}"><link rel="stylesheet" href="{}">',
        static("css/chart.css"),
        static("css/admin/range-picker.css"),
    )
