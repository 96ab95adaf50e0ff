"""The custom user: e-mail login, case-insensitive uniqueness, display names."""

import pytest
from django.db import IntegrityError, transaction

from accounts.models import User
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_user_email_uniqueness_ignores_case():
    User.objects.create(email="anna.lind@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="Anna.Lind@Example.ORG")

    assert User.objects.count() == 1


def test_user_manager_lowercases_the_email():
    user = User.objects.create_user(email="Anna.Lind@Example.ORG", password="x-long-password")

    assert user.email == "anna.lind@example.org"
    assert user.check_password("x-long-password")


def test_user_manager_refuses_a_second_account_in_other_case():
    User.objects.create_user(email="anna.lind@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(email="ANNA.LIND@example.org")


def test_user_manager_requires_an_email():
    with pytest.raises(ValueError, match="e-mail address is required"):
        User.objects.create_user(email="")


def test_superuser_is_staff_and_superuser():
    admin = User.objects.create_superuser(email="root@example.org", password="x-long-password")

    assert (admin.is_staff, admin.is_superuser) == (True, True)


def test_superuser_must_be_staff():
    with pytest.raises(ValueError, match="must be staff"):
        User.objects.create_superuser(email="root@example.org", is_staff=False)


def test_user_unknown_preferred_language_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="x@example.org", preferred_language="de")


def test_user_defaults():
    user = User.objects.create_user(email="new@example.org")

    assert user.preferred_language == "en"
    assert user.languages_spoken == []
    assert user.in_directory is False
    assert user.is_active is True
    assert user.is_staff is False


@pytest.mark.parametrize(
    ("full_name", "text", "short"),
    [("Anna Lind", "Anna Lind", "Anna"), ("", "anna@example.org", "anna@example.org")],
)
def test_user_names_fall_back_to_the_email(full_name, text, short):
    user = make_user(email="anna@example.org", full_name=full_name)

    assert str(user) == text
    assert user.get_full_name() == text
    assert user.get_short_name() == short


def test_user_absolute_url_is_the_profile():
    assert make_user().get_absolute_url() == "/en/accounts/profile/"
