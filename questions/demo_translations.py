"""Translations of the demo questions and answers for `make run`: Saint-Brieuc's three questions
and the answers from Gothenburg, Umeå, Borås and Malmö, written in English, translated into
French and Swedish by demo members who read both languages (most by hand, a few machine
translations reviewed by a member), so that every reader finds them in their language."""

from django.db import transaction

from accounts.models import User
from languages.demo import Version, human, machine, save_demo_translations

from .models import Question

ANNE = "anne.le-gall@demo.alliance.example"
YANN = "yann.guillou@demo.alliance.example"
SOFIA = "sofia.lindqvist@demo.alliance.example"
ELIN = "elin.berg@demo.alliance.example"
JOHAN = "johan.nilsson@demo.alliance.example"
LARS = "lars.eriksson@demo.alliance.example"


# By question slug, then target language.
QUESTIONS: dict[str, dict[str, Version]] = {
    "how-do-you-make-a-square-work-for-every-use": {
        "fr": human(
            YANN,
            title=(
                "Comment aménager une place qui permette les usages de tous et soit polyvalente ?"
            ),
            context=(
                "Saint-Brieuc réaménage la **place de la Grille**. Nous testons le mobilier et "
                "les usages avant les travaux. Comment faites-vous pour que chaque public s'y "
                "sente bienvenu, à toute heure ?"
            ),
        ),
        "sv": human(
            SOFIA,
            title="Hur får man ett torg att fungera för alla och för många olika användningar?",
            context=(
                "Saint-Brieuc gestaltar om **place de la Grille**. Vi testar möbler och "
                "användningar innan ombyggnaden. Hur ser ni till att alla grupper känner sig "
                "välkomna, vid alla tider på dygnet?"
            ),
        ),
    },
    "a-new-model-of-rural-development-without-sprawl": {
        "fr": human(
            ANNE,
            title=(
                "Comment les communes rurales peuvent-elles se développer sans s'étendre sur "
                "les terres agricoles ?"
            ),
            context=(
                "Notre plan de paysage fait des habitants les ambassadeurs de leur territoire. "
                "Qu'expérimentent les communes suédoises, notamment pour les déplacements ?"
            ),
        ),
        "sv": human(
            LARS,
            title="Hur kan landsbygdskommuner utvecklas utan att breda ut sig över jordbruksmark?",
            context=(
                "Vår landskapsplan (plan de paysage) gör invånarna till ambassadörer för sin "
                "bygd. Vad prövar svenska kommuner, särskilt när det gäller resandet?"
            ),
        ),
    },
    "how-do-you-renew-town-centres-first": {
        "fr": human(
            YANN,
            title=(
                "Comment donner la priorité à la rénovation des centres : efficacité "
                "énergétique et économie circulaire ?"
            ),
            context=(
                "Notre projet de territoire 2018 place les centres avant toute extension. "
                "Comment financez-vous et organisez-vous cette priorité ?"
            ),
        ),
        "sv": machine(
            JOHAN,
            title="Hur förnyar man stadskärnorna först: energieffektivitet och cirkulär ekonomi?",
            context=(
                "Vår territoriella strategi från 2018 (projet de territoire) sätter stadskärnorna "
                "före all utbyggnad. Hur finansierar och organiserar ni det?"
            ),
        ),
    },
}

# By (question slug, slug of the answering city), then target language.
ANSWERS: dict[tuple[str, str], dict[str, Version]] = {
    ("how-do-you-make-a-square-work-for-every-use", "gothenburg"): {
        "fr": human(
            ANNE,
            body=(
                "Avant tout réaménagement, nous réalisons une installation temporaire le temps "
                "d'un été, puis nous observons et ajustons : les habitants participent bien plus "
                "facilement."
            ),
        ),
        "sv": human(
            SOFIA,
            body=(
                "Innan vi gestaltar om en plats bygger vi en tillfällig installation under en "
                "sommar, sedan observerar vi och justerar: det sänker tröskeln för invånarna att "
                "delta."
            ),
        ),
    },
    ("how-do-you-make-a-square-work-for-every-use", "umea"): {
        "fr": human(
            ELIN,
            body=(
                "Umeå analyse qui fréquente chaque lieu, par genre et par âge, et réserve "
                "parfois un lieu à un groupe qui en est absent : l'« inclusion par l'exclusion »."
            ),
        ),
        "sv": human(
            ELIN,
            body=(
                "Umeå analyserar vilka som använder varje plats, utifrån kön och ålder, och "
                "reserverar ibland en plats för en grupp som saknas där: inkludering genom "
                "exkludering."
            ),
        ),
    },
    ("a-new-model-of-rural-development-without-sprawl", "boras"): {
        "fr": human(
            ANNE,
            body=(
                "Borås expérimente l'autopartage et des pôles de mobilité dans trois villages : "
                "les services de proximité comptent autant que les transports."
            ),
        ),
        "sv": machine(
            LARS,
            body=(
                "Borås testar bilpooler och mobilitetshubbar i tre byar: service nära hemmet är "
                "lika viktig som transporterna."
            ),
        ),
    },
    ("how-do-you-renew-town-centres-first", "malmo"): {
        "fr": machine(
            YANN,
            body=(
                "Le programme d'économie circulaire de Malmö installe des pôles de réemploi dans "
                "chaque quartier, avec les sociétés de logement comme partenaires. Nous serions "
                "heureux de monter une candidature européenne commune."
            ),
        ),
        "sv": human(
            JOHAN,
            body=(
                "Malmö stads program för cirkulär ekonomi placerar återbrukshubbar i varje "
                "stadsdel, med bostadsbolagen som partner. Vi tar gärna fram en gemensam "
                "EU-ansökan."
            ),
        ),
    },
}


@transaction.atomic
def load_question_translations() -> None:
    """Translate the demo questions and their answers (after ``load_questions``)."""
    users = {
        user.email: user for user in User.objects.filter(email__endswith="@demo.alliance.example")
    }
    questions = Question.objects.filter(slug__in=QUESTIONS).prefetch_related("answers__city")
    for question in questions:
        save_demo_translations(question, QUESTIONS[question.slug], users)
        for answer in question.answers.all():
            save_demo_translations(
                answer, ANSWERS.get((question.slug, answer.city.slug), {}), users
            )
