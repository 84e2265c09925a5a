from django.utils.functional import SimpleLazyObject


def _navigation():
    from listening.core.models import SoundtrackPage
    from listening.people.models import PeopleIndexPage
    from listening.scenes.models import ScenesIndexPage

    return {
        "soundtrack": SoundtrackPage.objects.live().public().order_by("path").first(),
        "people": PeopleIndexPage.objects.live().public().first(),
        "scenes": ScenesIndexPage.objects.live().public().order_by("path").first(),
    }


def site_navigation(request):
    """The site's main sections for the header, looked up only when a template asks."""
    return {"site_nav": SimpleLazyObject(_navigation)}
