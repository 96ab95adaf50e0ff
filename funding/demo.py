"""Demo funding calls for `make run`: six EXAMPLE calls in the style of the programmes the
Alliance's cities apply to (URBACT, the Cities Mission of Horizon Europe, LIFE, the European
Urban Initiative, Interreg Europe and Vinnova), the cities' interest in two of them, and a
partner search with its answer. Never for production.

None of these calls is real: every one is marked ``is_example`` and says so in its title and
its summary. Their figures come from earlier calls of the programme (indicative, as the
eligibility notes say) and their official page is the programme's own public site, never a
call page made up for the demo.

The calls' dates are relative to the day the demo is loaded, and are moved again each time it
is loaded, so that the calls stay open, upcoming or closed as designed; their texts are written
once (a translation is never left out of date by loading the demo again).
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from accounts.models import User
from cities.models import City
from core.enums import ContentLanguage
from projects.models import Project
from themes.models import SustainableDevelopmentGoal, Theme

from .enums import InterestLevel, Programme
from .models import CallDeadline, CallInterest, FundingCall, PartnerReply, PartnerSearch

BRUSSELS = ZoneInfo("Europe/Brussels")
DEADLINE_HOUR = 17  # 17:00 Brussels time, as the EU programmes set their deadlines

RECORDED_BY = "coordinator@demo.alliance.example"

# The open URBACT call the browser journey uses (its themes include the place de la Grille's).
URBACT_SLUG = "urbact-example-networks"
HORIZON_SLUG = "horizon-example-cities-mission-renovation"

NNBSP = "\u202f"  # French: before : ; ? ! and inside « »

# "opens": days from the day of loading; "deadlines": (days from then, what is due).
CALLS = [
    {
        "slug": URBACT_SLUG,
        "programme": Programme.URBACT,
        "identifier": "EXAMPLE-URBACT-APN",
        "language": ContentLanguage.ENGLISH,
        "title": "Example call: URBACT Action Planning Networks on public spaces for every use",
        "summary": (
            "An example for the portal's demo, not a real call. It is modelled on URBACT's calls "
            "for Action Planning Networks: 8 to 10 cities, led by one of them, spend about two "
            "and a half years drawing up an Integrated Action Plan, each with a local group of "
            "residents and stakeholders (an URBACT Local Group). The example's topic: public "
            "spaces that work for every use and for many uses, designed and tested with the "
            "people who use them, with attention to gender and age. The real calls are on the "
            "official URBACT site."
        ),
        "eligibility": (
            "Cities and other urban authorities of the 27 EU Member States, Norway, Switzerland "
            "and the IPA countries; a network of 8 to 10 partners led by a city, each of which "
            "sets up an URBACT Local Group. Indicative figures, from the 2023 call for Action "
            "Planning Networks: up to €850,000 per network, with an ERDF co-funding rate of "
            "50 to 95% depending on the partner's country. Check the official call before "
            "applying."
        ),
        "budget": 25_500_000,
        "cofunding_rate": None,
        "official_url": "https://urbact.eu/",
        "themes": ["public-spaces", "citizen-participation"],
        "sdgs": [11, 5, 10],
        "opens": -30,
        "deadlines": [(60, "Application")],
    },
    {
        "slug": HORIZON_SLUG,
        "programme": Programme.HORIZON_EUROPE,
        "identifier": "EXAMPLE-HORIZON-MISS-CIT-01",
        "language": ContentLanguage.ENGLISH,
        "title": "Example call: Cities Mission – renovating neighbourhoods towards climate neutrality",
        "summary": (
            "An example for the portal's demo, not a real call. It is written in the style of a "
            "Horizon Europe topic of the EU Mission for 100 climate-neutral and smart cities by "
            "2030: an innovation action in which cities demonstrate, at the scale of a "
            "neighbourhood, the deep energy renovation of existing buildings together with "
            "circular construction and the involvement of residents, and pass on what they "
            "learn to other cities. Two stages: a short proposal first, then a full proposal. "
            "The real topics are on the Cities Mission's official page."
        ),
        "eligibility": (
            "Any legal entity may take part; public authorities and cities are eligible. A "
            "consortium of at least three independent entities from three different EU Member "
            "States or associated countries, at least one of them in a Member State. An "
            "innovation action funds 100% of the eligible costs of non-profit legal entities "
            "such as municipalities, 70% of those of companies. Indicative budget, for the "
            "example: €30 million, about €10 million per project."
        ),
        "budget": 30_000_000,
        "cofunding_rate": 100,
        "official_url": (
            "https://research-and-innovation.ec.europa.eu/funding/funding-opportunities/"
            "funding-programmes-and-open-calls/horizon-europe/eu-missions-horizon-europe/"
            "climate-neutral-and-smart-cities_en"
        ),
        "themes": ["renovation-energy-efficiency", "town-centre-renewal", "innovation"],
        "sdgs": [7, 11, 13],
        "opens": -30,
        "deadlines": [(45, "First stage"), (120, "Second stage: full proposal")],
    },
    {
        "slug": "life-example-adaptation-nature-based-solutions",
        "programme": Programme.LIFE,
        "identifier": "EXAMPLE-LIFE-CLIMA-CCA",
        "language": ContentLanguage.FRENCH,
        "title": (
            f"Exemple d'appel{NNBSP}: LIFE – s'adapter au changement climatique par des "
            "solutions fondées sur la nature"
        ),
        "summary": (
            "Un exemple pour la démonstration du portail, pas un véritable appel. Il reprend la "
            "forme des projets d'action standard du volet adaptation au changement climatique "
            f"du programme LIFE{NNBSP}: des villes mettent en œuvre des solutions fondées sur la "
            "nature (cours d'école et places désimperméabilisées, îlots de fraîcheur, eaux "
            "pluviales gérées à ciel ouvert) et mesurent leurs effets sur la chaleur et les "
            "inondations, en particulier pour les habitantes et habitants les plus exposés. Les "
            "véritables appels sont sur la page officielle du programme LIFE."
        ),
        "eligibility": (
            "Entités publiques et privées établies dans un État membre de l'Union européenne ou "
            f"un pays associé à LIFE{NNBSP}; les collectivités locales et régionales y ont toute "
            f"leur place. Taux de cofinancement indicatif de 60{NNBSP}% des coûts éligibles, "
            f"celui des projets d'action standard de LIFE{NNBSP}: à vérifier dans le document de "
            f"l'appel. Budget indicatif de l'exemple{NNBSP}: 40 millions d'euros."
        ),
        "budget": 40_000_000,
        "cofunding_rate": 60,
        "official_url": "https://cinea.ec.europa.eu/programmes/life_en",
        "themes": ["climate-equity-justice", "public-spaces"],
        "sdgs": [13, 11, 15],
        "opens": -15,
        "deadlines": [(90, "Dépôt des propositions")],
    },
    {
        "slug": "eui-example-innovative-actions",
        "programme": Programme.EUI,
        "identifier": "EXAMPLE-EUI-IA",
        "language": ContentLanguage.ENGLISH,
        "title": (
            "Example call: European Urban Initiative – innovative actions for housing "
            "in town centres"
        ),
        "summary": (
            "An example for the portal's demo, not a real call, and not open yet. It is written "
            "in the style of the European Urban Initiative's calls for innovative actions, the "
            "successors of Urban Innovative Actions: an urban authority tests at full scale a "
            "solution that is new in its own context – here, affordable and energy-efficient "
            "housing in town centres, with social inclusion at its heart. Projects last up to "
            "three and a half years. The real calls are on the official EUI site."
        ),
        "eligibility": (
            "An urban authority of at least 25,000 inhabitants (the threshold of the fourth "
            "call; 50,000 in calls 1 to 3), or an association or grouping of urban authorities "
            "of that size together; it may bring in delivery partners. The ERDF co-finances 80% "
            "of the eligible costs, the urban authority and its partners the rest. Indicative "
            "figures, for the example: up to €5 million per project (€2 million in the fourth "
            "call), €90 million in all."
        ),
        "budget": 90_000_000,
        "cofunding_rate": 80,
        "official_url": "https://www.urban-initiative.eu/",
        "themes": ["town-centre-renewal", "renovation-energy-efficiency", "innovation"],
        "sdgs": [11, 7, 10],
        "opens": 20,
        "deadlines": [(140, "Application")],
    },
    {
        "slug": "interreg-europe-example-rural-development",
        "programme": Programme.INTERREG_EUROPE,
        "identifier": "EXAMPLE-IE-CALL",
        "language": ContentLanguage.ENGLISH,
        "title": (
            "Example call: Interreg Europe – interregional cooperation on rural development "
            "without sprawl"
        ),
        "summary": (
            "An example for the portal's demo, not a real call, and already closed: it shows "
            "how a past call looks. It is written in the style of Interreg Europe's calls for "
            "interregional cooperation projects: public authorities from several countries "
            "exchange experience for three years to improve their regional policies, then "
            "follow up the results for a fourth year. The example's topic: rural development "
            "without sprawl, and sustainable travel in rural areas. The real calls are on the "
            "official Interreg Europe site."
        ),
        "eligibility": (
            "Public authorities and private non-profit bodies from the 27 EU Member States, "
            "Norway and Switzerland; partners from at least three countries. ERDF co-funding of "
            "up to 80% for public bodies and 70% for private non-profit bodies. Indicative "
            "budget, for the example: €130 million, the size of the programme's first call."
        ),
        "budget": 130_000_000,
        "cofunding_rate": 80,
        "official_url": "https://www.interregeurope.eu/",
        "themes": ["rural-development", "citizen-participation"],
        "sdgs": [11, 13],
        "opens": -120,
        "deadlines": [(-10, "Application")],
    },
    {
        "slug": "vinnova-example-planning-grant-eu-proposal",
        "programme": Programme.VINNOVA,
        "identifier": "EXAMPLE-VINNOVA-PLANERINGSBIDRAG",
        "language": ContentLanguage.SWEDISH,
        "title": "Exempel på utlysning: Vinnova – planeringsbidrag för att förbereda en EU-ansökan",
        "summary": (
            "Ett exempel för portalens demo, inte en verklig utlysning. Det följer Vinnovas "
            "planeringsbidrag för internationella ansökningar: svenska aktörer, även kommuner, "
            "kan få stöd för att bygga upp ett konsortium och skriva en ansökan till ett "
            "EU-program, till exempel Horizon Europe. De verkliga utlysningarna finns på "
            "Vinnovas officiella webbplats."
        ),
        "eligibility": (
            "Bara för svenska aktörer: företag, offentliga aktörer som kommuner och "
            "forskningsorganisationer. Upp till 300 000 kronor som deltagare och 500 000 kronor "
            "som koordinator, högst 80 procent av kostnaderna. Den som ska koordinera behöver "
            "minst tre aktörer från tre länder i ansökan. Siffrorna kommer från en tidigare "
            "utlysning och är bara vägledande."
        ),
        "budget": None,
        "cofunding_rate": 80,
        "official_url": "https://www.vinnova.se/en/calls-for-proposals/",
        "open_to_france": False,
        "themes": ["innovation"],
        "sdgs": [17, 11],
        "opens": -10,
        "deadlines": [(30, "Sista dag för ansökan")],
    },
]

# (call, city, level, projects, note, set by)
INTERESTS = [
    (
        URBACT_SLUG,
        "gothenburg",
        InterestLevel.LEAD,
        ["tillfallig-installation-offentligt-rum"],
        "We would lead a network on testing public spaces before they are redesigned.",
        "sofia.lindqvist@demo.alliance.example",
    ),
    (
        URBACT_SLUG,
        "umea",
        InterestLevel.PARTNER,
        ["jamstalld-stadsplanering-umea"],
        "Our gender analysis and safety walks could be the network's method for every partner.",
        "elin.berg@demo.alliance.example",
    ),
    (
        URBACT_SLUG,
        "boras",
        InterestLevel.WATCHING,
        [],
        "Interested if the network also covers the centres of small rural towns.",
        "karin.holm@demo.alliance.example",
    ),
    (
        HORIZON_SLUG,
        "malmo",
        InterestLevel.LEAD,
        ["circular-economy-waste-malmo"],
        "Malmö is a Mission city: we would coordinate, with our reuse hubs as a demonstrator.",
        "johan.nilsson@demo.alliance.example",
    ),
    (
        HORIZON_SLUG,
        "saint-brieuc",
        InterestLevel.PARTNER,
        ["projet-de-territoire-2018-de-rupture"],
        "Our territorial project puts the renovation of town centres first.",
        "anne.le-gall@demo.alliance.example",
    ),
    (
        HORIZON_SLUG,
        "grenoble",
        InterestLevel.PARTNER,
        [],
        "The university could measure the energy performance of the renovated buildings.",
        "lucas.martin@demo.alliance.example",
    ),
    (
        HORIZON_SLUG,
        "umea",
        InterestLevel.WATCHING,
        [],
        "",
        "elin.berg@demo.alliance.example",
    ),
]

# Malmö looks for French partners for the Horizon example; Saint-Brieuc answers. None on the
# URBACT example: the browser journey posts one.
PARTNER_SEARCH = {
    "call": HORIZON_SLUG,
    "project": "circular-economy-waste-malmo",
    "city": "malmo",
    "author": "johan.nilsson@demo.alliance.example",
    "title": "French cities to demonstrate deep renovation with circular construction",
    "roles_sought": (
        "- a French city or agglomeration with a town-centre renovation programme, as a "
        "demonstration site\n"
        "- a research partner to measure energy performance and residents' comfort\n"
        "- a city ready to replicate the results (a follower city)"
    ),
    "description": (
        "Malmö would coordinate the proposal. Our reuse hubs already collect building materials "
        "from demolitions; we want to use them in the renovation of housing, and to test it in "
        "a French town centre as well as in Malmö."
    ),
    "language": ContentLanguage.ENGLISH,
    "wants_france": True,
    "wants_sweden": False,
    "closes": 30,  # days from the day of loading, before the first stage's deadline
}

REPLY = {
    "city": "saint-brieuc",
    "author": "anne.le-gall@demo.alliance.example",
    "role": "Demonstration site: renovating old housing in Saint-Brieuc's town centre",
    "message": (
        "Our 2018 territorial project puts the renovation of town centres first, and two blocks "
        "of old housing in the centre could be the demonstration site, with the support of the "
        "agglomeration's 32 municipalities. Happy to talk about it next week."
    ),
}


def brussels_today() -> datetime.date:
    """The day in Brussels: the day the calls' opening dates and statuses are read in."""
    return timezone.localtime(timezone.now(), BRUSSELS).date()


def deadline_at(day: datetime.date) -> datetime.datetime:
    """17:00 in Brussels on ``day``, as an aware datetime."""
    return datetime.datetime(day.year, day.month, day.day, DEADLINE_HOUR, tzinfo=BRUSSELS)


def _schedule(call: FundingCall, data: dict, today: datetime.date) -> None:
    """Put the call's dates where the demo wants them, relative to ``today``: its deadlines
    (kept by label, so they keep their ids), and the last one as the call's ``closes_at``."""
    ats = []
    for days, label in data["deadlines"]:
        at = deadline_at(today + datetime.timedelta(days=days))
        CallDeadline.objects.update_or_create(call=call, label=label, defaults={"at": at})
        ats.append(at)
    FundingCall.objects.filter(pk=call.pk).update(
        opens_on=today + datetime.timedelta(days=data["opens"]), closes_at=max(ats)
    )


def load_calls() -> None:
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    goals = {goal.number: goal for goal in SustainableDevelopmentGoal.objects.all()}
    recorder = User.objects.filter(email=RECORDED_BY).first()
    today = brussels_today()
    for data in CALLS:
        call, created = FundingCall.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "programme": data["programme"],
                "identifier": data["identifier"],
                "title": data["title"],
                "summary": data["summary"],
                "eligibility": data["eligibility"],
                "opens_on": today + datetime.timedelta(days=data["opens"]),
                "budget": data["budget"],
                "cofunding_rate": data["cofunding_rate"],
                "open_to_france": data.get("open_to_france", True),
                "open_to_sweden": data.get("open_to_sweden", True),
                "official_url": data["official_url"],
                "content_language": data["language"],
                "is_example": True,
                "created_by": recorder,
            },
        )
        _schedule(call, data, today)
        if created:
            call.themes.set([themes[slug] for slug in data["themes"] if slug in themes])
            call.sdgs.set([goals[number] for number in data["sdgs"] if number in goals])


def load_interests() -> None:
    calls = {call.slug: call for call in FundingCall.objects.filter(is_example=True)}
    cities = {city.slug: city for city in City.objects.all()}
    projects = {project.slug: project for project in Project.objects.all()}
    users = {
        user.email: user for user in User.objects.filter(email__endswith="demo.alliance.example")
    }
    for call_slug, city_slug, level, project_slugs, note, email in INTERESTS:
        interest, created = CallInterest.objects.get_or_create(
            call=calls[call_slug],
            city=cities[city_slug],
            defaults={"level": level, "note": note, "updated_by": users.get(email)},
        )
        if created:
            interest.projects.set([projects[slug] for slug in project_slugs if slug in projects])


def load_partner_search() -> None:
    data = PARTNER_SEARCH
    users = {
        user.email: user for user in User.objects.filter(email__endswith="demo.alliance.example")
    }
    city = City.objects.get(slug=data["city"])
    closes_on = brussels_today() + datetime.timedelta(days=data["closes"])
    search, _created = PartnerSearch.objects.get_or_create(
        call=FundingCall.objects.get(slug=data["call"]),
        city=city,
        title=data["title"],
        defaults={
            "project": Project.objects.filter(slug=data["project"]).first(),
            "author": users.get(data["author"]),
            "roles_sought": data["roles_sought"],
            "description": data["description"],
            "content_language": data["language"],
            "wants_france": data["wants_france"],
            "wants_sweden": data["wants_sweden"],
            "closes_on": closes_on,
        },
    )
    # Open whenever the demo is loaded, like the call it is for.
    PartnerSearch.objects.filter(pk=search.pk).update(closes_on=closes_on)
    PartnerReply.objects.get_or_create(
        search=search,
        city=City.objects.get(slug=REPLY["city"]),
        defaults={
            "author": users.get(REPLY["author"]),
            "role": REPLY["role"],
            "message": REPLY["message"],
        },
    )


def load_funding() -> None:
    """The example calls, the cities' interest and the partner search (after the demo people
    and projects: interests name projects), idempotently: loading the demo again adds nothing
    and only moves the dates."""
    load_calls()
    load_interests()
    load_partner_search()
