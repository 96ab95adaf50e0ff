"""Cities and memberships: the ten members loaded by migration and the database constraints."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone

from cities.enums import Country, MembershipRole, MembershipStatus
from cities.models import City, Membership
from cities.rules import COORDINATORS_GROUP
from tests.factories import make_city, make_membership, make_user

pytestmark = pytest.mark.django_db

FRENCH = {"grenoble", "la-rochelle", "paris", "saint-brieuc", "strasbourg"}
SWEDISH = {"boras", "gothenburg", "linkoping", "malmo", "umea"}


def test_migration_loads_exactly_the_ten_member_cities():
    assert City.objects.count() == 10
    assert set(City.objects.filter(country=Country.FRANCE).values_list("slug", flat=True)) == (
        FRENCH
    )
    assert set(City.objects.filter(country=Country.SWEDEN).values_list("slug", flat=True)) == (
        SWEDISH
    )


def test_migration_marks_every_city_active_with_its_national_network():
    networks = dict(City.objects.values_list("slug", "national_network"))

    assert City.objects.active().count() == 10
    assert networks["saint-brieuc"] == "Club EcoQuartier"
    assert networks["umea"].startswith("Energimyndigheten")


def test_migration_records_saint_brieucs_member_body_and_place():
    city = City.objects.get(slug="saint-brieuc")

    assert city.name == "Saint-Brieuc"
    assert city.member_body == "Saint-Brieuc Armor Agglomération"
    assert city.region == "Bretagne (Côtes-d'Armor)"
    assert (city.latitude, city.longitude) == (Decimal("48.51360"), Decimal("-2.76030"))
    assert city.get_absolute_url() == "/en/cities/saint-brieuc/"


def test_migration_keeps_local_names_of_swedish_cities():
    assert City.objects.get(slug="gothenburg").local_name == "Göteborg"


def test_migration_creates_the_coordinators_group():
    assert Group.objects.filter(name=COORDINATORS_GROUP).count() == 1


def test_cities_are_ordered_france_first_then_by_name():
    names = list(City.objects.values_list("name", flat=True))

    assert names[:5] == ["Grenoble", "La Rochelle", "Paris", "Saint-Brieuc", "Strasbourg"]
    assert names[5:] == ["Borås", "Gothenburg", "Linköping", "Malmö", "Umeå"]


@pytest.mark.parametrize("latitude", ["90.00001", "-91", "123.45"])
def test_city_latitude_out_of_range_is_refused_by_the_database(latitude):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_city(latitude=Decimal(latitude))

    assert City.objects.count() == 10


def test_city_latitude_at_the_pole_is_accepted():
    city = make_city(latitude=Decimal("90"))

    assert city.pk is not None


def test_city_longitude_out_of_range_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_city(longitude=Decimal("180.5"))


def test_city_unknown_country_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_city(country="DE")


def test_city_photo_without_description_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_city(photo="cities/harbour.jpg", photo_alt="")


def test_city_same_name_in_the_same_country_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_city(name="Paris", country=Country.FRANCE)


def test_city_same_name_in_another_country_is_allowed():
    city = make_city(name="Paris", country=Country.SWEDEN)

    assert City.objects.filter(name="Paris").count() == 2
    assert city.country == Country.SWEDEN


@pytest.mark.parametrize("first", [MembershipStatus.PENDING, MembershipStatus.APPROVED])
@pytest.mark.parametrize("second", [MembershipStatus.PENDING, MembershipStatus.APPROVED])
def test_membership_second_live_one_for_the_same_city_is_refused(first, second):
    user = make_user()
    make_membership(user=user, city="saint-brieuc", status=first)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_membership(user=user, city="saint-brieuc", status=second)

    assert Membership.objects.filter(user=user).count() == 1


def test_membership_new_request_after_a_rejection_is_allowed():
    user = make_user()
    make_membership(user=user, status=MembershipStatus.REJECTED)

    make_membership(user=user, status=MembershipStatus.PENDING)

    assert list(
        Membership.objects.filter(user=user).order_by("pk").values_list("status", flat=True)
    ) == [MembershipStatus.REJECTED, MembershipStatus.PENDING]


def test_membership_two_rejections_for_the_same_city_are_allowed():
    user = make_user()
    make_membership(user=user, status=MembershipStatus.REJECTED)

    make_membership(user=user, status=MembershipStatus.REJECTED)

    assert Membership.objects.filter(user=user).count() == 2


def test_membership_same_person_in_two_cities_is_allowed():
    user = make_user()
    make_membership(user=user, city="saint-brieuc")

    make_membership(user=user, city="umea")

    assert Membership.objects.filter(user=user).count() == 2


def test_membership_decided_without_a_date_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=make_user(),
            city=City.objects.get(slug="paris"),
            role=MembershipRole.PLANNER,
            status=MembershipStatus.APPROVED,
            decided_at=None,
        )


def test_membership_unknown_role_or_status_is_refused_by_the_database():
    user = make_user()
    city = City.objects.get(slug="paris")

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, city=city, role="mayor")
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=user,
            city=city,
            role=MembershipRole.PLANNER,
            status="maybe",
            decided_at=timezone.now(),
        )

    assert not Membership.objects.filter(user=user).exists()


def test_membership_text_names_person_city_and_status():
    membership = make_membership(
        user=make_user(full_name="Nora Benali"), status=MembershipStatus.PENDING
    )

    assert str(membership) == "Nora Benali – Saint-Brieuc (Pending)"
    assert membership.is_approved is False
