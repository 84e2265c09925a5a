"""The demo's local accounts are refused in production while they keep the published password."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from listening.site.local_accounts import (
    LOCAL_ACCOUNT,
    LOCAL_PASSWORD,
    LOCAL_ROLE_ACCOUNTS,
    LOCAL_USERNAMES,
    check_local_demo_accounts,
    refuse_local_demo_accounts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_accounts():
    User = get_user_model()
    User.objects.filter(username__in=LOCAL_USERNAMES).delete()
    return {name: User.objects.create_user(name, password=LOCAL_PASSWORD) for name in LOCAL_USERNAMES}


def test_the_loader_makes_the_accounts_the_check_looks_for():
    from listening.demo.management.commands import load_demo

    assert load_demo.LOCAL_ACCOUNT == LOCAL_ACCOUNT == ("admin", "listening")
    assert load_demo.LOCAL_ROLE_ACCOUNTS is LOCAL_ROLE_ACCOUNTS
    assert set(LOCAL_USERNAMES) == {"admin", "editor", "contributor"}


@override_settings(LISTENING_LOCAL_DEMO_ACCOUNT=False)
def test_each_account_with_the_demo_password_is_an_error_that_says_how_to_fix_it(demo_accounts):
    errors = check_local_demo_accounts()
    assert [error.id for error in errors] == ["listening.E001"] * 3
    admin = next(error for error in errors if "“admin”" in error.msg)
    assert admin.is_serious()
    assert "manage.py changepassword admin" in admin.hint and ".delete()" in admin.hint
    with pytest.raises(ImproperlyConfigured, match="still has the demo password"):
        refuse_local_demo_accounts()


@override_settings(LISTENING_LOCAL_DEMO_ACCOUNT=False)
def test_a_changed_password_a_deleted_or_an_inactive_account_is_fine(demo_accounts):
    admin, editor, contributor = (demo_accounts[name] for name in ("admin", "editor", "contributor"))
    admin.set_password("a-password-of-its-own-42")
    admin.save()
    editor.delete()
    contributor.is_active = False
    contributor.save()
    hash_before = get_user_model().objects.get(pk=contributor.pk).password
    assert check_local_demo_accounts() == []
    refuse_local_demo_accounts()
    assert get_user_model().objects.get(pk=contributor.pk).password == hash_before  # the check rewrote nothing


def test_development_and_test_settings_keep_their_accounts(demo_accounts):
    assert check_local_demo_accounts() == []
