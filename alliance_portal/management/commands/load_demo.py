"""Demo content for `make run`, drawn from the Alliance's own presentation. Never for production."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from cities.enums import MembershipRole, MembershipStatus
from cities.models import City, Membership
from cities.rules import COORDINATORS_GROUP
from events.demo import load_events
from events.demo_translations import load_event_translations
from funding.demo import load_funding
from funding.demo_translations import load_call_translations
from methods.demo import USES as METHOD_USES
from methods.demo import load_methods
from methods.demo_translations import load_method_translations
from methods.models import Method
from projects.demo import load_projects
from projects.demo_translations import load_project_translations
from projects.models import Project, ProjectMethod
from questions.demo import load_questions
from questions.demo_translations import load_question_translations
from themes.models import Theme

DEMO_PASSWORD = "alliance-demo"  # noqa: S105 - printed on purpose, demo only

# e-mail, full name, job title, organisation, city slug, role, languages, expertise, language
PEOPLE = [
    (
        "coordinator@demo.alliance.example",
        "Claire Morvan",
        "Network coordinator",
        "Ministère de la Transition écologique",
        None,
        None,
        ["fr", "en", "sv"],
        ["indicators-sdgs", "innovation"],
        "fr",
    ),
    (
        "anne.le-gall@demo.alliance.example",
        "Anne Le Gall",
        "City coordinator",
        "Saint-Brieuc Armor Agglomération",
        "saint-brieuc",
        MembershipRole.COORDINATOR,
        ["fr", "en"],
        ["public-spaces", "rural-development"],
        "fr",
    ),
    (
        "yann.guillou@demo.alliance.example",
        "Yann Guillou",
        "Urban planner",
        "Saint-Brieuc Armor Agglomération",
        "saint-brieuc",
        MembershipRole.PLANNER,
        ["fr", "en"],
        ["public-spaces", "town-centre-renewal"],
        "fr",
    ),
    (
        "sofia.lindqvist@demo.alliance.example",
        "Sofia Lindqvist",
        "Projektledare",
        "Göteborgs Stad",
        "gothenburg",
        MembershipRole.PLANNER,
        ["sv", "en"],
        ["public-spaces", "citizen-participation"],
        "sv",
    ),
    (
        "elin.berg@demo.alliance.example",
        "Elin Berg",
        "Samordnare",
        "Umeå kommun",
        "umea",
        MembershipRole.COORDINATOR,
        ["sv", "en", "fr"],
        ["climate-equity-justice", "public-spaces"],
        "sv",
    ),
    (
        "johan.nilsson@demo.alliance.example",
        "Johan Nilsson",
        "EU- och innovationssamordnare",
        "Malmö stad",
        "malmo",
        MembershipRole.EU_OFFICER,
        ["sv", "en"],
        ["town-centre-renewal", "innovation"],
        "en",
    ),
    (
        "karin.holm@demo.alliance.example",
        "Karin Holm",
        "Kommunalråd",
        "Borås Stad",
        "boras",
        MembershipRole.ELECTED,
        ["sv"],
        ["rural-development"],
        "sv",
    ),
    (
        "lucas.martin@demo.alliance.example",
        "Lucas Martin",
        "Chercheur",
        "Université Grenoble Alpes",
        "grenoble",
        MembershipRole.RESEARCHER,
        ["fr", "en"],
        ["renovation-energy-efficiency"],
        "fr",
    ),
    (
        "lars.eriksson@demo.alliance.example",
        "Lars Eriksson",
        "Stadsplanerare",
        "Umeå kommun",
        "umea",
        MembershipRole.PLANNER,
        ["sv", "en"],
        ["public-spaces", "rural-development", "climate-equity-justice"],
        "sv",
    ),
    (
        "marie.dupont@demo.alliance.example",
        "Marie Dupont",
        "Présidente",
        "Association Quartiers Durables",
        "la-rochelle",
        MembershipRole.ASSOCIATION,
        ["fr"],
        ["citizen-participation"],
        "fr",
    ),
]

# Waiting for Saint-Brieuc's coordinator, so the approval page has something to show.
PENDING = (
    "nora.benali@demo.alliance.example",
    "Nora Benali",
    "Chargée de mission Europe",
    "Saint-Brieuc Armor Agglomération",
    "saint-brieuc",
    MembershipRole.EU_OFFICER,
)

ADMIN = ("admin@demo.alliance.example", "Portal Admin")


def load_method_uses() -> None:
    """Which demo project used which demo method, and how it went (methods.demo.USES): the
    projects' floor is above the methods', so the link is made here."""
    projects = {project.slug: project for project in Project.objects.all()}
    methods = {method.slug: method for method in Method.objects.all()}
    people = {
        user.email: user for user in User.objects.filter(email__endswith="demo.alliance.example")
    }
    for project_slug, method_slug, email, account in METHOD_USES:
        if project_slug in projects and method_slug in methods:
            ProjectMethod.objects.get_or_create(
                project=projects[project_slug],
                method=methods[method_slug],
                defaults={"account": account, "added_by": people.get(email)},
            )


class Command(BaseCommand):
    help = "Load demo people and memberships (idempotent). Refuses to run with DEBUG off."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never in production).",
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Demo content is for development: DEBUG is off. Use --force if you really mean it."
            )
        with transaction.atomic():
            self._load()
            load_projects()
            load_project_translations()
            load_events()
            load_questions()
            load_event_translations()
            load_question_translations()
            load_methods()
            load_method_translations()
            load_method_uses()
            # Interests name projects, and the suggested consortia read the peer matches
            # computed below.
            load_funding()
            load_call_translations()
        # The demo's projects are written without the services: their peer matches at once.
        call_command("compute_matches", stdout=self.stdout)
        self._print_sign_in()

    def _person(self, email: str, name: str, **fields) -> User:
        user, created = User.objects.get_or_create(
            email=email, defaults={"full_name": name, **fields}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user

    def _load(self) -> None:
        cities = {city.slug: city for city in City.objects.all()}
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        now = timezone.now()

        admin_email, admin_name = ADMIN
        admin = self._person(admin_email, admin_name, is_staff=True, is_superuser=True)
        coordinators, _ = Group.objects.get_or_create(name=COORDINATORS_GROUP)

        for email, name, title, org, city_slug, role, langs, expertise, lang in PEOPLE:
            user = self._person(
                email,
                name,
                job_title=title,
                organisation=org,
                languages_spoken=langs,
                in_directory=True,
                preferred_language=lang,
            )
            user.expertise.set([themes[slug] for slug in expertise if slug in themes])
            if city_slug is None:
                user.groups.add(coordinators)
                continue
            Membership.objects.get_or_create(
                user=user,
                city=cities[city_slug],
                status=MembershipStatus.APPROVED,
                defaults={"role": role, "decided_at": now, "decided_by": admin},
            )

        email, name, title, org, city_slug, role = PENDING
        user = self._person(email, name, job_title=title, organisation=org, preferred_language="fr")
        if not Membership.objects.filter(user=user, city=cities[city_slug]).exists():
            Membership.objects.create(
                user=user,
                city=cities[city_slug],
                role=role,
                message="Je travaille sur les candidatures aux programmes européens.",
            )

    def _print_sign_in(self) -> None:
        write = self.stdout.write
        write(self.style.SUCCESS("Demo content loaded."))
        write(
            f"Sign in at http://127.0.0.1:8000/en/accounts/login/ with password {DEMO_PASSWORD!r}:"
        )
        write(f"  admin (Django admin at /admin/):      {ADMIN[0]}")
        write(f"  network coordinator:                 {PEOPLE[0][0]}")
        write(f"  Saint-Brieuc city coordinator:       {PEOPLE[1][0]}  (1 request to approve)")
        write(f"  planner in Saint-Brieuc:             {PEOPLE[2][0]}")
        write(f"  planner in Gothenburg:               {PEOPLE[3][0]}")
        write(f"  Umeå city coordinator:               {PEOPLE[4][0]}")
        write(f"  planner in Umeå (see /suggestions/): {PEOPLE[8][0]}")
        write(f"  EU officer in Malmö:                 {PEOPLE[5][0]}")
        write(f"  elected official in Borås:           {PEOPLE[6][0]}")
        write(f"  researcher in Grenoble:              {PEOPLE[7][0]}")
        write(f"  association in La Rochelle:          {PEOPLE[9][0]}")
        write(f"  pending member of Saint-Brieuc:      {PENDING[0]}")
