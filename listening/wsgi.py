import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "listening.settings.production")

application = get_wsgi_application()

# The server does not start on a database where a demo account still has the published password
# (a no-op under dev and test settings, where those accounts are meant to be). Management commands
# are not stopped, so `manage.py changepassword` can fix it.
from listening.site.local_accounts import refuse_local_demo_accounts  # noqa: E402

refuse_local_demo_accounts()

# What is loaded by now (Django, Wagtail, the apps, the URL map) lives as long as the process: keep
# it out of the garbage collector's sweeps, which otherwise walk all of it again and again while a
# large request (a 300-cue track's editor makes a few hundred thousand objects) is being served.
gc.freeze()
