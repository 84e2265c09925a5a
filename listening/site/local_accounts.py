"""The local accounts the demo loader makes under development settings, and the check that refuses them.

Their password is printed by `make run` and written in the README, so anyone can log in with it.
A database that still has one (copied from a laptop, or loaded by mistake) must never be served:
under production settings `manage.py check --deploy` fails on it and the WSGI application refuses
to start (listening/wsgi.py), while management commands still run so the account can be fixed.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError

LOCAL_PASSWORD = "listening"  # noqa: S105 - published on purpose; what the check looks for
LOCAL_ACCOUNT = ("admin", LOCAL_PASSWORD)
# Accounts for trying the roles (groups made by the tracks migration): username → group.
LOCAL_ROLE_ACCOUNTS = {"editor": "Editors", "contributor": "Contributors"}
LOCAL_USERNAMES = (LOCAL_ACCOUNT[0], *LOCAL_ROLE_ACCOUNTS)


def accounts_with_the_known_password() -> list[str]:
    """Usernames of active local accounts whose password is still the published one."""
    User = get_user_model()
    users = User.objects.filter(**{f"{User.USERNAME_FIELD}__in": LOCAL_USERNAMES}, is_active=True)
    # The hasher's function, not user.check_password: a check must not rewrite anyone's hash.
    return sorted(user.get_username() for user in users if check_password(LOCAL_PASSWORD, user.password))


def how_to_fix(username: str) -> str:
    return (
        f"Give it a password of its own with `manage.py changepassword {username}`, or delete it with "
        f'`manage.py shell -c "from django.contrib.auth import get_user_model; '
        f"get_user_model().objects.filter(username='{username}').delete()\"`, then start again."
    )


@checks.register(checks.Tags.security, deploy=True)
def check_local_demo_accounts(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if settings.LISTENING_LOCAL_DEMO_ACCOUNT:
        return []  # development and tests, where these accounts are meant to be
    try:
        found = accounts_with_the_known_password()
    except DatabaseError:
        return []  # no database, or not migrated yet: no account to refuse
    return [
        checks.Error(
            f"The demo account “{username}” still has the demo password “{LOCAL_PASSWORD}”, "
            "which anyone can read in the README.",
            hint=how_to_fix(username),
            id="listening.E001",
        )
        for username in found
    ]


def refuse_local_demo_accounts() -> None:
    """Raise (so the server does not start) if a demo account with the demo password can log in."""
    errors = check_local_demo_accounts()
    if errors:
        raise ImproperlyConfigured("\n".join(f"{error.msg} {error.hint}" for error in errors))
