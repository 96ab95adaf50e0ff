"""Demo questions for `make run`: Saint-Brieuc's three questions to the network, answered by
Gothenburg, Umeå, Borås and Malmö (from the Alliance's presentation)."""

from django.contrib.contenttypes.models import ContentType

from accounts.enums import Frequency
from accounts.models import User
from cities.models import City
from core.enums import ContentLanguage
from notifications.enums import NotificationKind
from notifications.models import Follow
from notifications.services import follow_quietly, notify
from projects.models import Project
from themes.models import Theme

from .models import Answer, Question, UsefulMark

ASKER = "anne.le-gall@demo.alliance.example"

QUESTIONS = [
    {
        "slug": "how-do-you-make-a-square-work-for-every-use",
        "title": "How do you make a square work for every use, and for many uses?",
        "context": (
            "Saint-Brieuc is redesigning the **place de la Grille**. We test furniture and uses "
            "before the works. How do you make sure every group feels welcome, at every hour?"
        ),
        "themes": ["public-spaces", "citizen-participation"],
        "project": "experimentation-place-de-la-grille",
        "answers": [
            (
                "sofia.lindqvist@demo.alliance.example",
                "gothenburg",
                "We build a temporary installation for one summer before any redesign, then observe "
                "and adjust: it lowers the threshold for residents to take part.",
                ["tillfallig-installation-offentligt-rum"],
            ),
            (
                "elin.berg@demo.alliance.example",
                "umea",
                "Umeå analyses who uses each place, by gender and age, and sometimes reserves a place "
                "for a group that is missing: inclusion through exclusion.",
                ["jamstalld-stadsplanering-umea"],
            ),
        ],
        "useful": ["sofia.lindqvist@demo.alliance.example"],
    },
    {
        "slug": "a-new-model-of-rural-development-without-sprawl",
        "title": "How do rural communes develop without spreading over farmland?",
        "context": (
            "Our landscape plan makes residents ambassadors of their territory. What are Swedish "
            "municipalities trying, especially for travel?"
        ),
        "themes": ["rural-development"],
        "project": "alliance-ville-campagne-agriculture-paysage",
        "answers": [
            (
                "karin.holm@demo.alliance.example",
                "boras",
                "Borås pilots car-sharing and mobility hubs in three villages: services close to "
                "home matter as much as transport.",
                ["hallbara-livsstilar-pa-landsbygden-boras"],
            ),
        ],
        "useful": [],
    },
    {
        "slug": "how-do-you-renew-town-centres-first",
        "title": "How do you renew town centres first: energy efficiency and circular economy?",
        "context": "Our 2018 territorial project puts town centres before any extension. How do you finance and organise it?",
        "themes": ["town-centre-renewal", "renovation-energy-efficiency"],
        "project": "projet-de-territoire-2018-de-rupture",
        "answers": [
            (
                "johan.nilsson@demo.alliance.example",
                "malmo",
                "Malmö's circular-economy programme puts reuse hubs in every district, with housing "
                "companies as partners. Happy to build a joint EU application.",
                ["circular-economy-waste-malmo"],
            ),
        ],
        "useful": [],
    },
]


def load_questions() -> None:
    users = {user.email: user for user in User.objects.all()}
    cities = {city.slug: city for city in City.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    projects = {project.slug: project for project in Project.objects.all()}
    asker = users[ASKER]
    if asker.notification_frequency != Frequency.IMMEDIATELY:
        asker.notification_frequency = Frequency.IMMEDIATELY
        asker.save(update_fields=["notification_frequency"])
    for data in QUESTIONS:
        question, created = Question.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "city": cities["saint-brieuc"],
                "author": asker,
                "title": data["title"],
                "context": data["context"],
                "project": projects.get(data["project"]),
                "content_language": ContentLanguage.ENGLISH,
            },
        )
        if not created:
            continue
        question.themes.set([themes[slug] for slug in data["themes"]])
        follow_quietly(user=asker, target=question)
        for email, city, body, linked in data["answers"]:
            answer = Answer.objects.create(
                question=question,
                author=users[email],
                city=cities[city],
                body=body,
                content_language=ContentLanguage.ENGLISH,
            )
            answer.projects.set([projects[slug] for slug in linked if slug in projects])
            notify(
                kind=NotificationKind.NEW_ANSWER,
                actor=users[email],
                title=question.title,
                title_language=question.content_language,
                subject=question,
                url=f"{question.get_absolute_url()}#answer-{answer.pk}",
                city=cities[city],
                targets=[question],
            )
            if email in data["useful"]:
                UsefulMark.objects.create(answer=answer, user=asker)

    # Demo people follow the themes of their expertise.
    theme_type = ContentType.objects.get_for_model(Theme)
    for user in User.objects.filter(email__endswith="@demo.alliance.example").prefetch_related(
        "expertise"
    ):
        for theme in user.expertise.all():
            Follow.objects.get_or_create(user=user, content_type=theme_type, object_id=theme.pk)
