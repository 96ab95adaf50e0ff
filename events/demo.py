"""Demo events for `make run`: the next annual seminar, a webinar per theme, a past seminar and a
bilateral meeting Saint-Brieuc–Umeå (from the Alliance's presentation)."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from accounts.models import User
from cities.models import City
from core.enums import ContentLanguage
from core.pictures import PictureSize, reencode
from projects.demo import illustration
from projects.models import Project
from themes.models import Theme

from .enums import AgendaItemKind, EventKind, EventState, RegistrationState
from .models import AgendaItem, Event, Registration

PARIS = ZoneInfo("Europe/Paris")

WEBINARS = [
    ("renovation-energy-efficiency", "Webinar: financing the energy renovation of old housing", 14),
    ("innovation", "Webinar: innovation in the way cities work", 35),
    ("climate-equity-justice", "Webinar: who pays for climate policies?", 56),
    ("citizen-participation", "Webinar: residents as ambassadors of their territory", 77),
    ("indicators-sdgs", "Webinar: local indicators for the UN Sustainable Development Goals", 98),
]


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=PARIS)


def _event(slug: str, **fields) -> tuple[Event, bool]:
    # Every demo event is written in English, whatever language the command runs in.
    return Event.objects.get_or_create(
        slug=slug, defaults={"content_language": ContentLanguage.ENGLISH, **fields}
    )


def _give_cover(event: Event, colour: tuple[int, int, int], alt: str) -> None:
    """A drawn cover and its cards' thumbnail, as the event form would store them."""
    picture = illustration(colour)
    content, extension = reencode(picture, PictureSize.DISPLAY)
    event.cover_image.save(f"cover.{extension}", content, save=False)
    thumbnail, extension = reencode(picture, PictureSize.THUMBNAIL)
    event.cover_thumbnail.save(f"cover-thumbnail.{extension}", thumbnail, save=False)
    event.cover_alt = alt
    event.save(update_fields=["cover_image", "cover_thumbnail", "cover_alt"])


def load_events() -> None:
    today = timezone.localdate()
    cities = {city.slug: city for city in City.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    users = {user.email: user for user in User.objects.all()}
    projects = {project.slug: project for project in Project.objects.all()}
    coordinator = users.get("coordinator@demo.alliance.example")

    # The next annual seminar: two days in Saint-Brieuc, about six weeks ahead.
    first = today + datetime.timedelta(days=42)
    first += datetime.timedelta(days=(1 - first.weekday()) % 7)  # a Tuesday
    second = first + datetime.timedelta(days=1)
    seminar, created = _event(
        f"annual-seminar-saint-brieuc-{first.year}",
        kind=EventKind.SEMINAR,
        title=f"Annual seminar {first.year} – Saint-Brieuc",
        description=(
            "Two days of in-depth exchanges and site visits in Saint-Brieuc Armor Agglomération: "
            "public spaces for every use, a new model of rural development, town centres first."
        ),
        starts_at=_at(first, 9),
        ends_at=_at(second, 16),
        host_city=cities["saint-brieuc"],
        venue="Centre des congrès, 1 rue Pierre de Coubertin, Saint-Brieuc",
        capacity=40,
        registration_closes_at=_at(first - datetime.timedelta(days=7), 23, 59),
        state=EventState.PUBLISHED,
        created_by=coordinator,
    )
    if created:
        _give_cover(seminar, (0, 94, 184), "Drawing: houses around a square under the sun")
        seminar.themes.set(
            [themes["public-spaces"], themes["rural-development"], themes["town-centre-renewal"]]
        )
        seminar.cities.set(
            [
                cities["saint-brieuc"],
                cities["umea"],
                cities["gothenburg"],
                cities["boras"],
                cities["malmo"],
            ]
        )
        if coordinator:
            seminar.organisers.set([coordinator])
        agenda = [
            (
                first,
                (9, 0),
                (9, 30),
                AgendaItemKind.TALK,
                "Welcome by Saint-Brieuc Armor Agglomération",
                "Centre des congrès",
                [],
            ),
            (
                first,
                (9, 30),
                (10, 30),
                AgendaItemKind.TALK,
                "Public spaces for every use: Saint-Brieuc, Gothenburg and Umeå",
                "Centre des congrès",
                ["experimentation-place-de-la-grille"],
            ),
            (first, (10, 30), (11, 0), AgendaItemKind.BREAK, "Coffee break", "", []),
            (
                first,
                (11, 0),
                (12, 30),
                AgendaItemKind.SITE_VISIT,
                "Site visit: place de la Grille",
                "Place de la Grille",
                ["experimentation-place-de-la-grille"],
            ),
            (first, (12, 30), (14, 0), AgendaItemKind.MEAL, "Lunch", "", []),
            (
                first,
                (14, 0),
                (16, 30),
                AgendaItemKind.WORKSHOP,
                "Workshop: measuring uses by gender and age",
                "Centre des congrès",
                ["jamstalld-stadsplanering-umea"],
            ),
            (
                second,
                (9, 0),
                (9, 45),
                AgendaItemKind.TRAVEL,
                "Bus to the landscape plan area",
                "",
                [],
            ),
            (
                second,
                (9, 45),
                (12, 0),
                AgendaItemKind.SITE_VISIT,
                "Site visit: town–country alliance through local farming",
                "Plaintel",
                ["alliance-ville-campagne-agriculture-paysage"],
            ),
            (second, (12, 0), (13, 30), AgendaItemKind.MEAL, "Lunch on a farm", "", []),
            (
                second,
                (13, 30),
                (15, 0),
                AgendaItemKind.TALK,
                "Town centres first: energy efficiency and circular economy",
                "Centre des congrès",
                ["projet-de-territoire-2018-de-rupture", "circular-economy-waste-malmo"],
            ),
            (
                second,
                (15, 0),
                (16, 0),
                AgendaItemKind.WORKSHOP,
                "Towards a joint EU application",
                "Centre des congrès",
                [],
            ),
        ]
        for position, (day, start, end, kind, title, place, visited) in enumerate(agenda):
            item = AgendaItem.objects.create(
                event=seminar,
                starts_at=_at(day, *start),
                ends_at=_at(day, *end),
                kind=kind,
                title=title,
                place=place,
                position=position,
                content_language=ContentLanguage.ENGLISH,
            )
            item.projects.set([projects[slug] for slug in visited if slug in projects])
        for email in [
            "yann.guillou@demo.alliance.example",
            "sofia.lindqvist@demo.alliance.example",
            "elin.berg@demo.alliance.example",
            "johan.nilsson@demo.alliance.example",
        ]:
            if email in users:
                Registration.objects.create(
                    event=seminar, user=users[email], state=RegistrationState.CONFIRMED, listed=True
                )

    for slug, title, days in WEBINARS:
        day = today + datetime.timedelta(days=days)
        webinar, created = _event(
            f"webinar-{slug}",
            kind=EventKind.WEBINAR,
            title=title,
            description="One hour online: two short presentations, one French and one Swedish, then questions.",
            starts_at=_at(day, 10),
            ends_at=_at(day, 11),
            online_url="https://meet.example.org/alliance-" + slug,
            capacity=100,
            state=EventState.PUBLISHED,
            created_by=coordinator,
        )
        if created:
            webinar.themes.set([themes[slug]])
            if coordinator:
                webinar.organisers.set([coordinator])

    # Last year's seminar in Gothenburg.
    past = today - datetime.timedelta(days=300)
    seminar_past, created = _event(
        f"annual-seminar-gothenburg-{past.year}",
        kind=EventKind.SEMINAR,
        title=f"Annual seminar {past.year} – Gothenburg",
        description="Two days on temporary uses of public space and circular economy.",
        starts_at=_at(past, 9),
        ends_at=_at(past + datetime.timedelta(days=1), 16),
        host_city=cities["gothenburg"],
        venue="Göteborgs Stad, Köpmansgatan 20",
        capacity=40,
        state=EventState.PUBLISHED,
        created_by=coordinator,
    )
    if created:
        seminar_past.themes.set([themes["public-spaces"], themes["innovation"]])
        AgendaItem.objects.create(
            event=seminar_past,
            starts_at=_at(past, 10),
            ends_at=_at(past, 12),
            kind=AgendaItemKind.SITE_VISIT,
            title="Site visit: a temporary installation before the redesign",
            place="Gothenburg",
            content_language=ContentLanguage.ENGLISH,
        ).projects.set(
            [p for s, p in projects.items() if s == "tillfallig-installation-offentligt-rum"]
        )

    # Bilateral meeting Saint-Brieuc – Umeå on gender and public space.
    meeting_day = today + datetime.timedelta(days=20)
    bilateral, created = _event(
        "bilateral-saint-brieuc-umea-gender-public-space",
        kind=EventKind.BILATERAL,
        title="Bilateral meeting Saint-Brieuc – Umeå: gender and public space",
        description="How Umeå's gender-aware planning could inform the redesign of the place de la Grille.",
        starts_at=_at(meeting_day, 14),
        ends_at=_at(meeting_day, 15, 30),
        online_url="https://meet.example.org/alliance-bilateral",
        capacity=12,
        state=EventState.PUBLISHED,
        visibility="members",
        created_by=users.get("anne.le-gall@demo.alliance.example"),
    )
    if created:
        bilateral.cities.set([cities["saint-brieuc"], cities["umea"]])
        bilateral.themes.set([themes["public-spaces"], themes["climate-equity-justice"]])
        bilateral.organisers.set(
            [
                users[e]
                for e in ("anne.le-gall@demo.alliance.example", "elin.berg@demo.alliance.example")
                if e in users
            ]
        )
        for email in ("yann.guillou@demo.alliance.example", "elin.berg@demo.alliance.example"):
            if email in users:
                Registration.objects.create(
                    event=bilateral, user=users[email], state=RegistrationState.CONFIRMED
                )
