"""Demo projects for `make run`, from the Alliance's presentation."""

import datetime
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from accounts.models import User
from cities.models import City
from core.enums import ContentLanguage
from core.pictures import PictureSize, reencode
from themes.models import SustainableDevelopmentGoal, Theme

from .enums import ModerationReason
from .models import Comment, CommentReport, Project, ProjectImage, ProjectLink
from .services import project_saved

PROJECTS = [
    {
        "slug": "experimentation-place-de-la-grille",
        "city": "saint-brieuc",
        "author": "yann.guillou@demo.alliance.example",
        "title": "Expérimentation place de la Grille",
        "lead_organisation": "Saint-Brieuc Armor Agglomération",
        "language": "fr",
        "summary": (
            "Réaménager une place pour tous les usages et plusieurs usages : avant les travaux, "
            "la ville teste en grandeur réelle du mobilier, des jeux et des marquages temporaires."
        ),
        "description": (
            "La place de la Grille était un parking. Plutôt que de dessiner un projet fini, "
            "la ville **expérimente** : mobilier mobile, zones de jeux, marché du samedi, "
            "terrasses.\n\n- observation des usages à différentes heures\n"
            "- ateliers avec les habitants, les commerçants et les écoles\n"
            "- ajustements chaque saison avant la rénovation définitive"
        ),
        "approach": "Urbanisme tactique : un an d'essais réversibles, une équipe projet transversale (voirie, espaces verts, commerce, démocratie locale).",
        "stakeholders": "Habitants du quartier, commerçants, écoles, associations de personnes à mobilité réduite.",
        "lessons_learned": "Les usages nocturnes et l'entretien du mobilier mobile avaient été sous-estimés.",
        "looking_for": "Des retours d'expérience sur l'évaluation des usages par genre et par âge.",
        "transferability": "La procédure d'occupation temporaire du domaine public diffère en Suède : à vérifier avec Göteborg.",
        "equity": "Les riverains gagnent un espace calme ; certains commerçants craignent la perte de places de stationnement.",
        "status": "ongoing",
        "start": -400,
        "themes": ["public-spaces", "citizen-participation"],
        "sdgs": [11, 5, 3],
        "tags": ["usage temporaire", "espace public", "concertation"],
        "colour": (11, 79, 138),
        "alt": "Illustration : une place avec des bancs mobiles, des arbres en bacs et des marquages au sol colorés.",
    },
    {
        "slug": "alliance-ville-campagne-agriculture-paysage",
        "city": "saint-brieuc",
        "author": "anne.le-gall@demo.alliance.example",
        "title": "Une alliance ville-campagne par l'agriculture de proximité et le paysage",
        "lead_organisation": "Saint-Brieuc Armor Agglomération",
        "language": "fr",
        "summary": (
            "Plan de paysage « Les habitants ambassadeurs de leur territoire » (appel à projets "
            "Plans de paysage, ministère de l'Environnement, février 2017) : un développement "
            "rural alternatif à l'extension."
        ),
        "description": "Les communes rurales inventent un développement sans étalement, appuyé sur l'agriculture de proximité et la lecture du paysage par ses habitants.",
        "approach": "Des habitants volontaires deviennent ambassadeurs : balades, inventaires, ateliers de lecture du paysage.",
        "stakeholders": "Agriculteurs, communes rurales, habitants ambassadeurs, chambre d'agriculture.",
        "looking_for": "Des villes suédoises qui travaillent sur les déplacements dans les territoires ruraux.",
        "status": "ongoing",
        "start": -1200,
        "themes": ["rural-development", "citizen-participation"],
        "sdgs": [2, 11, 15],
        "tags": ["paysage", "agriculture", "étalement urbain"],
        "colour": (29, 107, 52),
        "alt": "Illustration : des champs en bandes vertes et jaunes autour d'un petit bourg.",
    },
    {
        "slug": "projet-de-territoire-2018-de-rupture",
        "city": "saint-brieuc",
        "author": "yann.guillou@demo.alliance.example",
        "title": "Projet de territoire 2018 « de rupture »",
        "lead_organisation": "Saint-Brieuc Armor Agglomération",
        "language": "fr",
        "summary": "La priorité à la rénovation des centres : efficacité énergétique et économie circulaire avant toute extension.",
        "description": "Le projet de territoire rompt avec l'extension urbaine : on rénove d'abord les centres-villes et les centres-bourgs, leurs logements et leurs commerces.",
        "approach": "Un projet de territoire construit avec les 32 communes de l'agglomération.",
        "looking_for": "Des méthodes pour financer la rénovation énergétique des logements anciens.",
        "status": "ongoing",
        "start": -2500,
        "themes": ["town-centre-renewal", "renovation-energy-efficiency"],
        "sdgs": [7, 11, 12],
        "tags": ["rénovation", "centre-ville", "économie circulaire"],
        "colour": (138, 75, 0),
        "alt": "Illustration : des façades anciennes d'un centre-ville avec des échafaudages.",
    },
    {
        "slug": "tillfallig-installation-offentligt-rum",
        "city": "gothenburg",
        "author": "sofia.lindqvist@demo.alliance.example",
        "title": "Tillfällig installation för att testa ett offentligt rum",
        "lead_organisation": "Göteborgs Stad",
        "language": "sv",
        "summary": "Innan ett torg byggs om testar staden en tillfällig installation för att se hur platsen faktiskt används.",
        "description": "En tillfällig installation med sittplatser, växter och scen prövas under en sommar. Observationer och samtal med besökare styr den slutliga gestaltningen.",
        "approach": "Vi arbetar i korta cykler: bygga, observera, justera. Förvaltningarna delar en gemensam projektgrupp.",
        "stakeholders": "Boende, föreningar, fastighetsägare och trafikkontoret.",
        "lessons_learned": "Tillfälliga lösningar väcker diskussion tidigt och sänker tröskeln för att delta.",
        "looking_for": "Erfarenheter från franska städer om hur man utvärderar tillfälliga installationer.",
        "status": "ongoing",
        "start": -300,
        "themes": ["public-spaces", "innovation"],
        "sdgs": [11],
        "tags": ["tillfällig användning", "offentligt rum"],
        "colour": (0, 104, 157),
        "alt": "Illustration: ett torg med tillfälliga trädäck, krukväxter och en liten scen.",
    },
    {
        "slug": "jamstalld-stadsplanering-umea",
        "city": "umea",
        "author": "elin.berg@demo.alliance.example",
        "title": "Jämställd planering av offentliga rum: inkludering genom exkludering",
        "lead_organisation": "Umeå kommun",
        "language": "sv",
        "summary": "Umeå analyserar vem som använder de offentliga rummen och skapar ibland platser för en grupp för att fler ska känna sig välkomna.",
        "description": "Genom trygghetsvandringar och statistik om användning planerar Umeå med ett genusperspektiv. Ibland betyder inkludering att en plats reserveras för en grupp som annars saknas.",
        "approach": "Genusanalys av varje större projekt, trygghetsvandringar och uppföljning.",
        "equity": "Unga kvinnor och äldre vinner mest; vissa grupper upplever att platser tas ifrån dem.",
        "status": "ongoing",
        "start": -900,
        "themes": ["public-spaces", "climate-equity-justice"],
        "sdgs": [5, 10, 11],
        "tags": ["genus", "offentligt rum", "trygghet"],
        "colour": (162, 25, 66),
        "alt": "Illustration: en upplyst gångväg i en park med bänkar.",
    },
    {
        "slug": "hallbara-livsstilar-pa-landsbygden-boras",
        "city": "boras",
        "author": "karin.holm@demo.alliance.example",
        "title": "Mer hållbara livsstilar på landsbygden: hur hanterar vi resorna?",
        "lead_organisation": "Borås Stad",
        "language": "sv",
        "summary": "Borås undersöker hur landsbygdens invånare kan resa mer hållbart: samåkning, mobilitetspunkter och service nära hemmet.",
        "description": "Piloter med samåkning och mobilitetspunkter i tre tätorter utanför Borås.",
        "looking_for": "Franska exempel på service på landsbygden utan bil.",
        "status": "planned",
        "start": 60,
        "themes": ["rural-development"],
        "sdgs": [11, 13],
        "tags": ["mobilitet", "landsbygd"],
        "colour": (63, 126, 68),
        "alt": "Illustration: en busshållplats vid en landsväg med cyklar parkerade.",
    },
    {
        "slug": "circular-economy-waste-malmo",
        "city": "malmo",
        "author": "johan.nilsson@demo.alliance.example",
        "title": "A strong circular-economy ambition: waste as a resource",
        "lead_organisation": "Malmö stad",
        "language": "en",
        "summary": "Malmö aims to halve household waste by sharing, repairing and reusing, with reuse hubs in every district.",
        "description": "Reuse hubs, repair cafés and a city-wide sharing library are tested with housing companies.",
        "approach": "A cross-department circular-economy programme with yearly targets and open data on waste.",
        "looking_for": "Partners for a joint EU application on circular town-centre renewal.",
        "status": "ongoing",
        "start": -700,
        "themes": ["town-centre-renewal", "innovation"],
        "sdgs": [12, 11],
        "tags": ["circular economy", "waste", "reuse"],
        "colour": (191, 139, 46),
        "alt": "Illustration: shelves of repaired furniture and tools in a reuse hub.",
        "visibility": "members",
    },
]

LINKS = [
    (
        "experimentation-place-de-la-grille",
        "tillfallig-installation-offentligt-rum",
        "Deux façons de tester un espace public avant de le réaménager.",
    ),
    (
        "experimentation-place-de-la-grille",
        "jamstalld-stadsplanering-umea",
        "Les usages de tous : l'approche par le genre d'Umeå.",
    ),
    (
        "alliance-ville-campagne-agriculture-paysage",
        "hallbara-livsstilar-pa-landsbygden-boras",
        "Développement rural et déplacements.",
    ),
    (
        "projet-de-territoire-2018-de-rupture",
        "circular-economy-waste-malmo",
        "Économie circulaire et rénovation des centres.",
    ),
]

COMMENTS = [
    (
        "experimentation-place-de-la-grille",
        "sofia.lindqvist@demo.alliance.example",
        "We did the same in Gothenburg last summer. How did you measure who uses the square at night?",
    ),
    (
        "experimentation-place-de-la-grille",
        "elin.berg@demo.alliance.example",
        "In Umeå we count users by gender and age three times a day: happy to share the method.",
    ),
    (
        "projet-de-territoire-2018-de-rupture",
        "johan.nilsson@demo.alliance.example",
        "Would you be interested in a joint EU application on circular town centres?",
    ),
]
# A comment that gives away someone's private phone number, reported by the project's planner:
# the demo's Saint-Brieuc coordinator finds it on the moderation page.
REPORTED = (
    "experimentation-place-de-la-grille",
    "johan.nilsson@demo.alliance.example",
    "For the night counts, call our former intern directly on her private mobile, 070-123 45 67.",
    "yann.guillou@demo.alliance.example",
    "She left the city last year and never agreed to her private number being shared.",
)
REPLY = (
    "experimentation-place-de-la-grille",
    "yann.guillou@demo.alliance.example",
    "Merci ! Nous faisons des comptages à 8 h, 13 h et 21 h. La méthode d'Umeå nous intéresse.",
)


def illustration(colour: tuple[int, int, int]) -> ContentFile:
    """A drawn picture for demo content (houses under a sun), never a photograph."""
    image = Image.new("RGB", (1200, 800), colour)
    draw = ImageDraw.Draw(image)
    light = tuple(min(255, c + 90) for c in colour)
    for i in range(6):
        draw.rectangle([80 + i * 180, 420 - i * 30, 220 + i * 180, 720], fill=light)
    draw.ellipse([850, 80, 1050, 280], fill=(254, 204, 2))
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return ContentFile(buffer.getvalue())


def load_projects() -> None:
    cities = {city.slug: city for city in City.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    goals = {goal.number: goal for goal in SustainableDevelopmentGoal.objects.all()}
    users = {user.email: user for user in User.objects.all()}
    today = timezone.localdate()
    for data in PROJECTS:
        if Project.objects.filter(slug=data["slug"]).exists():
            continue
        author = users[data["author"]]
        project = Project.objects.create(
            slug=data["slug"],
            city=cities[data["city"]],
            author=author,
            title=data["title"],
            lead_organisation=data["lead_organisation"],
            summary=data["summary"],
            description=data.get("description", ""),
            approach=data.get("approach", ""),
            stakeholders=data.get("stakeholders", ""),
            lessons_learned=data.get("lessons_learned", ""),
            looking_for=data.get("looking_for", ""),
            transferability=data.get("transferability", ""),
            equity=data.get("equity", ""),
            status=data["status"],
            start_date=today + datetime.timedelta(days=data["start"]),
            content_language=data["language"],
            visibility=data.get("visibility", "public"),
        )
        cover = illustration(data["colour"])
        project.cover_image.save("cover.jpg", cover, save=False)
        thumbnail, _extension = reencode(cover, PictureSize.THUMBNAIL)
        project.cover_thumbnail.save("cover-thumbnail.jpg", thumbnail, save=False)
        project.cover_alt = data["alt"]
        project.save()
        project.themes.set([themes[slug] for slug in data["themes"]])
        project.sdgs.set([goals[number] for number in data["sdgs"]])
        project.tags.set(data["tags"])
        project.contacts.set([author])
        picture = ProjectImage(project=project, alt_text=data["alt"], position=1)
        picture.image.save("picture.jpg", illustration(tuple(reversed(data["colour"]))), save=False)
        picture.save()
        project_saved(project=project, user=author)

    projects = {project.slug: project for project in Project.objects.all()}
    for source, target, note in LINKS:
        if source in projects and target in projects:
            ProjectLink.objects.get_or_create(
                from_project=projects[source], to_project=projects[target], defaults={"note": note}
            )
    for slug, email, body in COMMENTS:
        Comment.objects.get_or_create(
            project=projects[slug],
            author=users[email],
            body=body,
            defaults={"content_language": ContentLanguage.ENGLISH},
        )
    slug, email, body, reporter, note = REPORTED
    reported, _created = Comment.objects.get_or_create(
        project=projects[slug],
        author=users[email],
        body=body,
        defaults={"content_language": ContentLanguage.ENGLISH},
    )
    # Already known to the moderators: loading the demo e-mails nobody.
    CommentReport.objects.get_or_create(
        comment=reported,
        reporter=users[reporter],
        defaults={
            "reason": ModerationReason.PERSONAL_DATA,
            "note": note,
            "notified_at": timezone.now(),
        },
    )
    slug, email, body = REPLY
    parent = Comment.objects.filter(project=projects[slug], parent__isnull=True).first()
    Comment.objects.get_or_create(
        project=projects[slug],
        author=users[email],
        body=body,
        defaults={"parent": parent, "content_language": ContentLanguage.FRENCH},
    )
