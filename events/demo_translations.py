"""Translations of the next annual seminar for `make run`: its title, its description and every
item of its agenda, written in English, translated into French and Swedish by demo members who
read both languages (most by hand, a few machine translations reviewed by a member)."""

from django.db import transaction

from accounts.models import User
from languages.demo import Version, human, machine, save_demo_translations

from .models import Event

ANNE = "anne.le-gall@demo.alliance.example"
YANN = "yann.guillou@demo.alliance.example"
SOFIA = "sofia.lindqvist@demo.alliance.example"
ELIN = "elin.berg@demo.alliance.example"

# The seminar's slug ends with its year, and so does its title: "{year}" is filled in.
SEMINAR_SLUG_PREFIX = "annual-seminar-saint-brieuc-"


SEMINAR: dict[str, Version] = {
    "fr": human(
        ANNE,
        title="Séminaire annuel {year} – Saint-Brieuc",
        description=(
            "Deux jours d'échanges approfondis et de visites de sites à Saint-Brieuc Armor "
            "Agglomération : des espaces publics pour les usages de tous, un nouveau modèle de "
            "développement rural, la priorité à la rénovation des centres."
        ),
    ),
    "sv": human(
        ELIN,
        title="Årsseminarium {year} – Saint-Brieuc",
        description=(
            "Två dagar med fördjupade utbyten och studiebesök i Saint-Brieuc Armor "
            "Agglomération: offentliga rum för allas användning, en ny modell för "
            "landsbygdsutveckling, stadskärnorna först."
        ),
    ),
}

# By the agenda item's original title (unique within the seminar), then target language.
AGENDA: dict[str, dict[str, Version]] = {
    "Welcome by Saint-Brieuc Armor Agglomération": {
        "fr": human(ANNE, title="Accueil par Saint-Brieuc Armor Agglomération"),
        "sv": human(ELIN, title="Saint-Brieuc Armor Agglomération hälsar välkommen"),
    },
    "Public spaces for every use: Saint-Brieuc, Gothenburg and Umeå": {
        "fr": human(
            ANNE,
            title="Des espaces publics pour les usages de tous : Saint-Brieuc, Göteborg et Umeå",
        ),
        "sv": human(
            ELIN, title="Offentliga rum för allas användning: Saint-Brieuc, Göteborg och Umeå"
        ),
    },
    "Coffee break": {
        "fr": machine(YANN, title="Pause café"),
        "sv": machine(SOFIA, title="Kaffepaus"),
    },
    "Site visit: place de la Grille": {
        "fr": human(ANNE, title="Visite de site : la place de la Grille"),
        "sv": human(ELIN, title="Studiebesök: place de la Grille"),
    },
    "Lunch": {
        "fr": machine(YANN, title="Déjeuner"),
        "sv": machine(SOFIA, title="Lunch"),
    },
    "Workshop: measuring uses by gender and age": {
        "fr": human(ANNE, title="Atelier : mesurer les usages par genre et par âge"),
        "sv": human(ELIN, title="Workshop: att mäta användningen utifrån kön och ålder"),
    },
    "Bus to the landscape plan area": {
        "fr": human(ANNE, title="Trajet en car jusqu'au territoire du plan de paysage"),
        "sv": human(ELIN, title="Buss till området för landskapsplanen"),
    },
    "Site visit: town–country alliance through local farming": {
        "fr": human(
            ANNE,
            title="Visite de site : une alliance ville-campagne par l'agriculture de proximité",
        ),
        "sv": human(
            ELIN, title="Studiebesök: en allians mellan stad och land genom lokalt jordbruk"
        ),
    },
    "Lunch on a farm": {
        "fr": human(ANNE, title="Déjeuner à la ferme"),
        "sv": machine(SOFIA, title="Lunch på en gård"),
    },
    "Town centres first: energy efficiency and circular economy": {
        "fr": human(
            ANNE,
            title=(
                "La priorité à la rénovation des centres : efficacité énergétique et "
                "économie circulaire"
            ),
        ),
        "sv": human(ELIN, title="Stadskärnorna först: energieffektivitet och cirkulär ekonomi"),
    },
    "Towards a joint EU application": {
        "fr": human(ANNE, title="Vers une candidature européenne commune"),
        "sv": human(ELIN, title="Mot en gemensam EU-ansökan"),
    },
}


@transaction.atomic
def load_event_translations() -> None:
    """Translate the annual seminar and its agenda (after ``load_events``); the seminars of
    earlier years' demo runs too."""
    users = {
        user.email: user for user in User.objects.filter(email__endswith="@demo.alliance.example")
    }
    for seminar in Event.objects.filter(slug__startswith=SEMINAR_SLUG_PREFIX).prefetch_related(
        "agenda"
    ):
        year = seminar.slug.removeprefix(SEMINAR_SLUG_PREFIX)
        save_demo_translations(seminar, SEMINAR, users, year=year)
        for item in seminar.agenda.all():
            save_demo_translations(item, AGENDA.get(item.title, {}), users)
