"""The profile page: the person's details, languages, expertise and avatar."""

from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.models import User
from cities.enums import MembershipRole, MembershipStatus
from tests.factories import image_bytes, image_upload, make_membership
from themes.models import Theme

pytestmark = pytest.mark.django_db

URL = "/en/accounts/profile/"


def profile_data(**changes) -> dict:
    data = {
        "full_name": "Yann Guillou",
        "job_title": "Urbaniste",
        "job_title_language": "fr",
        "organisation": "Saint-Brieuc Armor Agglomération",
        "languages_spoken": ["fr", "en"],
        "expertise": [
            Theme.objects.get(slug="public-spaces").pk,
            Theme.objects.get(slug="town-centre-renewal").pk,
        ],
        "in_directory": "on",
        "preferred_language": "fr",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def stored_image(user: User) -> Image.Image:
    with default_storage.open(user.avatar.name, "rb") as handle:
        image = Image.open(BytesIO(handle.read()))
        image.load()
    return image


def test_profile_page_shows_the_form_and_memberships(
    member_client, member, django_assert_num_queries
):
    make_membership(user=member, city="umea", status=MembershipStatus.PENDING)

    # 9: with the two that tell whether the member moderates comments (their group, their
    # approved cities), which decide the report e-mail field and the moderation link.
    with django_assert_num_queries(9):
        response = member_client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>My profile</h1>" in html
    assert 'name="full_name" value="Yann Member"' in html
    assert '<a href="/en/cities/saint-brieuc/">Saint-Brieuc</a>' in html
    assert '<span class="status status-pending">Pending</span>' in html
    assert "Membership requests to review" not in html


def test_profile_page_query_budget_holds_with_many_memberships_and_expertise(
    member_client, member, django_assert_num_queries
):
    for slug in ("umea", "paris", "malmo", "boras", "grenoble", "strasbourg"):
        make_membership(user=member, city=slug)
    for slug in ("gothenburg", "linkoping", "la-rochelle"):
        make_membership(user=member, city=slug, status=MembershipStatus.REJECTED)
    member.expertise.set(Theme.objects.all())

    with django_assert_num_queries(9):
        response = member_client.get(URL)

    html = response.content.decode()
    assert html.count('<span class="status status-approved">') == 7
    assert html.count('<span class="status status-rejected">') == 3
    assert html.count('name="expertise"') == 8
    assert html.count('name="expertise" value') == 8
    assert html.count(" checked") >= 8


def test_profile_page_shows_pending_counts_to_a_city_coordinator(
    login, city_coordinator, django_assert_num_queries
):
    for _ in range(3):
        make_membership(status=MembershipStatus.PENDING)
    make_membership(user=city_coordinator, city="umea", role=MembershipRole.COORDINATOR)
    for _ in range(30):
        make_membership(city="umea", status=MembershipStatus.PENDING)
    client = login(city_coordinator)

    # 10: the coordinator moderates their city's comments: the open reports are counted.
    with django_assert_num_queries(10):
        response = client.get(URL)

    html = " ".join(response.content.decode().split())
    assert "Membership requests to review" in html
    link = '<a href="/en/cities/{slug}/memberships/">{name}</a>: {count} pending requests'
    assert link.format(slug="saint-brieuc", name="Saint-Brieuc", count=3) in html
    assert link.format(slug="umea", name="Umeå", count=30) in html


def test_profile_save_updates_every_field(member_client, member):
    response = member_client.post(URL, profile_data())

    assert response.status_code == 302
    assert response["Location"] == URL
    member.refresh_from_db()
    assert member.full_name == "Yann Guillou"
    assert member.job_title == "Urbaniste"
    assert member.organisation == "Saint-Brieuc Armor Agglomération"
    assert member.languages_spoken == ["fr", "en"]
    assert set(member.expertise.values_list("slug", flat=True)) == {
        "public-spaces",
        "town-centre-renewal",
    }
    assert member.in_directory is True
    assert member.preferred_language == "fr"
    assert not member.avatar


def test_profile_save_shows_a_confirmation(member_client):
    response = member_client.post(URL, profile_data(), follow=True)

    assert "Your profile was saved." in response.content.decode()


def test_profile_save_can_leave_the_directory_and_clear_expertise(member_client, member):
    member.expertise.set(Theme.objects.all())

    member_client.post(URL, profile_data(in_directory=None, expertise=None, languages_spoken=None))

    member.refresh_from_db()
    assert member.in_directory is False
    assert member.expertise.count() == 0
    assert member.languages_spoken == []


def test_profile_unknown_language_is_a_form_error(member_client, member):
    response = member_client.post(URL, profile_data(languages_spoken=["fr", "xx"]))

    assert response.status_code == 200
    assert response.context["form"].errors["languages_spoken"] == [
        "Select a valid choice. xx is not one of the available choices."
    ]
    member.refresh_from_db()
    assert member.full_name == "Yann Member"
    assert member.languages_spoken == []


def test_profile_unknown_theme_is_a_form_error(member_client, member):
    response = member_client.post(URL, profile_data(expertise=[99999]))

    assert "expertise" in response.context["form"].errors
    assert member.expertise.count() == 0


def test_profile_unknown_preferred_language_is_a_form_error(member_client, member):
    response = member_client.post(URL, profile_data(preferred_language="de"))

    assert "preferred_language" in response.context["form"].errors
    member.refresh_from_db()
    assert member.preferred_language == "en"


def test_profile_avatar_png_is_stored_as_a_small_png(member_client, member):
    response = member_client.post(
        URL, profile_data(avatar=image_upload("portrait.png", size=(1200, 900)))
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.avatar.name == f"avatars/{member.pk}/avatar-{member.pk}.png"
    image = stored_image(member)
    assert image.format == "PNG"
    assert image.size == (400, 300)


def test_profile_avatar_jpeg_is_re_encoded_as_png_without_metadata(member_client, member):
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"  # Make
    exif[0x8825] = {1: "N", 2: (48.0, 30.0, 0.0)}  # GPS position
    upload = SimpleUploadedFile(
        "holiday.jpg",
        image_bytes(size=(600, 800), image_format="JPEG", exif=exif),
        "image/jpeg",
    )

    member_client.post(URL, profile_data(avatar=upload))

    member.refresh_from_db()
    image = stored_image(member)
    assert image.format == "PNG"
    assert max(image.size) == 400
    assert image.size == (300, 400)
    assert not image.getexif()


def test_profile_avatar_small_picture_is_not_enlarged(member_client, member):
    member_client.post(URL, profile_data(avatar=image_upload(size=(120, 80))))

    member.refresh_from_db()
    assert stored_image(member).size == (120, 80)


def test_profile_avatar_is_shown_on_the_page(member_client, member):
    member_client.post(URL, profile_data(avatar=image_upload()))

    response = member_client.get(URL)

    member.refresh_from_db()
    assert f'<img class="avatar" src="/media/{member.avatar.name}"' in response.content.decode()


def test_profile_new_avatar_replaces_and_deletes_the_old_file(
    member_client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(URL, profile_data(avatar=image_upload(size=(500, 500))))
    member.refresh_from_db()
    first = member.avatar.name

    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(URL, profile_data(avatar=image_upload(size=(450, 450))))

    member.refresh_from_db()
    assert member.avatar.name != first
    assert default_storage.exists(member.avatar.name)
    assert not default_storage.exists(first)


def test_profile_save_without_a_new_file_keeps_the_avatar(member_client, member):
    member_client.post(URL, profile_data(avatar=image_upload()))
    member.refresh_from_db()
    avatar = member.avatar.name

    member_client.post(URL, profile_data(job_title="Architecte"))

    member.refresh_from_db()
    assert member.avatar.name == avatar
    assert member.job_title == "Architecte"


def test_profile_avatar_text_file_named_png_is_a_form_error(member_client, member, media_root):
    fake = SimpleUploadedFile("portrait.png", b"This is not a picture at all.\n" * 20, "image/png")

    response = member_client.post(URL, profile_data(avatar=fake))

    assert response.status_code == 200
    assert response.context["form"].errors["avatar"] == [
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ]
    member.refresh_from_db()
    assert not member.avatar
    assert member.full_name == "Yann Member"
    assert not (media_root / "avatars").exists()


def test_profile_avatar_larger_than_the_limit_is_a_form_error(
    member_client, member, settings, media_root
):
    settings.AVATAR_MAX_BYTES = 1000
    upload = image_upload(size=(100, 100))
    assert upload.size > 1000

    response = member_client.post(URL, profile_data(avatar=upload))

    assert response.status_code == 200
    errors = response.context["form"].errors["avatar"]
    assert len(errors) == 1
    assert errors[0].startswith("The picture is ")
    assert errors[0].endswith("the limit is 1000\xa0bytes.")
    member.refresh_from_db()
    assert not member.avatar
    assert not (media_root / "avatars").exists()


def test_profile_avatar_empty_file_is_a_form_error(member_client, member):
    empty = SimpleUploadedFile("portrait.png", b"", "image/png")

    response = member_client.post(URL, profile_data(avatar=empty))

    assert response.status_code == 200
    assert response.context["form"].errors["avatar"] == ["The submitted file is empty."]
    member.refresh_from_db()
    assert not member.avatar


def test_profile_avatar_in_an_unaccepted_format_is_a_form_error(member_client, member):
    upload = SimpleUploadedFile(
        "portrait.bmp", image_bytes(size=(50, 50), image_format="BMP"), "image/bmp"
    )

    response = member_client.post(URL, profile_data(avatar=upload))

    assert response.context["form"].errors["avatar"] == ["Upload a JPEG, PNG, WebP or GIF picture."]
    member.refresh_from_db()
    assert not member.avatar


def test_profile_avatar_with_too_many_pixels_is_a_form_error(member_client, member):
    # A few kilobytes on disk, 49 megapixels once decoded: refused before anyone decodes it.
    buffer = BytesIO()
    Image.new("1", (7000, 7000)).save(buffer, format="PNG")
    upload = SimpleUploadedFile("huge.png", buffer.getvalue(), "image/png")

    response = member_client.post(URL, profile_data(avatar=upload))

    assert response.context["form"].errors["avatar"] == [
        "The picture is too large in pixels; make it smaller."
    ]
    member.refresh_from_db()
    assert not member.avatar


def test_profile_post_is_for_the_signed_in_person_only(member_client, member, other_city_member):
    member_client.post(URL, profile_data(full_name="Changed Name"))

    other_city_member.refresh_from_db()
    assert other_city_member.full_name == "Sofia Gothenburg"
    member.refresh_from_db()
    assert member.full_name == "Changed Name"


def test_profile_anonymous_post_changes_nothing(anonymous_client, member):
    response = anonymous_client.post(URL, profile_data(full_name="Hacked"))

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    member.refresh_from_db()
    assert member.full_name == "Yann Member"
