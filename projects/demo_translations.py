"""Translations of the demo projects (projects/demo.py) into the two other languages, for
`make run` only: written for the demo by planners who read both languages, some first made by
the machine and then reviewed, and one left out of date on purpose, so that every kind of
provenance the pages show has an example.

TRANSLATIONS[slug][language][field] is the translated text; `alt` is the cover description
(saved only if the model translates `cover_alt`). PROVENANCE[(slug, language)] says who made it.
OUT_OF_DATE names the one field whose translation was made from an earlier wording of the
original: the engine was sent that wording, the author changed the original before the
reviewer got to the field, and nobody has updated it since; the other fields are reviewed.
"""

from accounts.models import User
from core.enums import ContentLanguage
from languages.demo import ENGINE, ENGINE_VERSION, Version, human, machine, save_demo_translations

from .models import Project

FR, SV, EN = ContentLanguage.FRENCH, ContentLanguage.SWEDISH, ContentLanguage.ENGLISH

# The demo field name -> the model field name, where they differ.
FIELD_NAMES = {"alt": "cover_alt"}

TRANSLATIONS = {
    "experimentation-place-de-la-grille": {
        EN: {
            "title": "Place de la Grille experiment",
            "summary": (
                "Redesigning a square for every use and for several uses at once: before any "
                "works, the town tests furniture, play equipment and temporary markings at full scale."
            ),
            "description": (
                "Place de la Grille used to be a car park. Rather than drawing up a finished "
                "design, the town is **experimenting**: movable furniture, play areas, the Saturday "
                "market, café terraces.\n\n- observing how the square is used at different times "
                "of day\n- workshops with residents, shopkeepers and schools\n"
                "- adjustments every season before the permanent redesign"
            ),
            "approach": "Tactical urbanism: a year of reversible trials and a cross-departmental project team (streets, green spaces, local businesses, local democracy).",
            "stakeholders": "Local residents, shopkeepers, schools, associations of people with reduced mobility.",
            "lessons_learned": "Night-time uses and the upkeep of the movable furniture had been underestimated.",
            "looking_for": "Experience from others in evaluating how a space is used, by gender and by age.",
            "transferability": "The rules for the temporary occupation of public land are different in Sweden: to be checked with Gothenburg.",
            "equity": "Residents nearby gain a quiet space; some shopkeepers fear losing parking spaces.",
            "alt": "Illustration: a square with movable benches, trees in planters and colourful ground markings.",
        },
        SV: {
            "title": "Experimentet på Place de la Grille",
            "summary": (
                "Ett torg byggs om för alla och för flera användningar: innan arbetena börjar "
                "testar staden möbler, lek och tillfälliga markeringar i full skala."
            ),
            "description": (
                "Place de la Grille var en parkeringsplats. I stället för att rita ett färdigt "
                "förslag **experimenterar** staden: flyttbara möbler, lekytor, lördagstorghandel, "
                "uteserveringar.\n\n- observationer av hur torget används vid olika tider på "
                "dygnet\n- workshoppar med boende, handlare och skolor\n"
                "- justeringar varje säsong före den slutliga ombyggnaden"
            ),
            "approach": "Taktisk urbanism: ett år med reversibla försök och en förvaltningsövergripande projektgrupp (gata, park, handel, lokal demokrati).",
            "stakeholders": "Boende i området, handlare, skolor, föreningar för personer med nedsatt rörlighet.",
            "lessons_learned": "Vi hade underskattat hur platsen används nattetid och hur mycket skötsel de flyttbara möblerna kräver.",
            "looking_for": "Erfarenheter av att utvärdera hur en plats används, uppdelat på kön och ålder.",
            "transferability": "Reglerna för tillfällig användning av offentlig plats ser annorlunda ut i Sverige: behöver stämmas av med Göteborg.",
            "equity": "De närboende får en lugn plats; en del handlare är oroliga för att parkeringsplatser försvinner.",
            "alt": "Illustration: ett torg med flyttbara bänkar, träd i lådor och färgglada markeringar på marken.",
        },
    },
    "alliance-ville-campagne-agriculture-paysage": {
        EN: {
            "title": "An urban–rural alliance through local farming and the landscape",
            "summary": (
                "Landscape plan “Residents as ambassadors of their area” (“Les habitants "
                "ambassadeurs de leur territoire”; call for landscape plans, Ministry of the "
                "Environment, February 2017): rural development as an alternative to expansion."
            ),
            "description": "The rural municipalities are inventing a way to develop without sprawl, built on local farming and on the residents' own reading of their landscape.",
            "approach": "Volunteer residents become ambassadors: walks, inventories and workshops on reading the landscape.",
            "stakeholders": "Farmers, rural municipalities, resident ambassadors, the chamber of agriculture.",
            "looking_for": "Swedish cities working on travel and mobility in rural areas.",
            "alt": "Illustration: fields in green and yellow strips around a small village.",
        },
        SV: {
            "title": "En allians mellan stad och landsbygd genom lokalt jordbruk och landskapet",
            "summary": (
                "Landskapsplanen ”Invånarna som ambassadörer för sitt område” (”Les habitants "
                "ambassadeurs de leur territoire”; franska miljöministeriets utlysning om "
                "landskapsplaner, februari 2017): en landsbygdsutveckling som alternativ till "
                "utbyggnad."
            ),
            "description": "Landsbygdskommunerna hittar en väg att utvecklas utan utspridd bebyggelse, med det lokala jordbruket och invånarnas egen läsning av landskapet som grund.",
            "approach": "Frivilliga invånare blir ambassadörer: promenader, inventeringar och workshoppar där man lär sig läsa landskapet.",
            "stakeholders": "Lantbrukare, landsbygdskommuner, invånarambassadörer, lantbrukskammaren (chambre d'agriculture).",
            "looking_for": "Svenska städer som arbetar med resor och mobilitet på landsbygden.",
            "alt": "Illustration: åkrar i gröna och gula band runt en liten ort.",
        },
    },
    "projet-de-territoire-2018-de-rupture": {
        EN: {
            "title": "2018 territorial project: “a break with the past”",
            "summary": "Renovating the centres comes first: energy efficiency and the circular economy before any expansion.",
            "description": "The territorial project breaks with urban expansion: the town and village centres, their housing and their shops are renovated first.",
            "approach": "A territorial project drawn up with the agglomeration's 32 municipalities.",
            "looking_for": "Ways of financing the energy renovation of old housing.",
            "alt": "Illustration: old facades in a town centre, with scaffolding.",
        },
        SV: {
            "title": "Utvecklingsstrategin 2018: ”ett trendbrott”",
            "summary": "Renoveringen av centrumen går först: energieffektivisering och cirkulär ekonomi före all utbyggnad.",
            "description": "Utvecklingsstrategin bryter med stadens utbredning: först rustas stadskärnorna och de mindre orternas centrum upp, med sina bostäder och butiker.",
            # Translated from the earlier wording (OUT_OF_DATE below), before "32" was added.
            "approach": "En utvecklingsstrategi som tagits fram tillsammans med agglomerationens kommuner.",
            "looking_for": "Metoder för att finansiera energirenovering av äldre bostäder.",
            "alt": "Illustration: gamla fasader i en stadskärna, med byggnadsställningar.",
        },
    },
    "tillfallig-installation-offentligt-rum": {
        EN: {
            "title": "A temporary installation to test a public space",
            "summary": "Before a square is rebuilt, the city tries out a temporary installation to see how the place is actually used.",
            "description": "A temporary installation with seating, plants and a stage is being tried out for one summer. Observations and conversations with visitors will guide the final design.",
            "approach": "We work in short cycles: build, observe, adjust. The city's departments share one project team.",
            "stakeholders": "Residents, local associations, property owners and the Urban Transport Administration.",
            "lessons_learned": "Temporary solutions get the discussion going early and lower the threshold for taking part.",
            "looking_for": "Experience from French cities of how to evaluate temporary installations.",
            "alt": "Illustration: a square with temporary timber decks, potted plants and a small stage.",
        },
        FR: {
            "title": "Une installation temporaire pour tester un espace public",
            "summary": "Avant de réaménager une place, la ville teste une installation temporaire pour voir comment le lieu est réellement utilisé.",
            "description": "Une installation temporaire avec des assises, des plantations et une scène est mise à l'essai le temps d'un été. Les observations et les échanges avec les usagers orienteront l'aménagement définitif.",
            "approach": "Nous travaillons par cycles courts : construire, observer, ajuster. Les services de la ville partagent une même équipe projet.",
            "stakeholders": "Habitants, associations, propriétaires immobiliers et le service des déplacements de la ville (trafikkontoret).",
            "lessons_learned": "Les aménagements temporaires lancent le débat tôt et rendent la participation plus facile.",
            "looking_for": "Des retours d'expérience de villes françaises sur l'évaluation des installations temporaires.",
            "alt": "Illustration : une place avec des platelages en bois temporaires, des plantes en pot et une petite scène.",
        },
    },
    "jamstalld-stadsplanering-umea": {
        EN: {
            "title": "Gender-equal planning of public spaces: inclusion through exclusion",
            "summary": "Umeå analyses who uses its public spaces and sometimes creates places for one group so that more people feel welcome.",
            "description": "With safety walks and statistics on use, Umeå plans with a gender perspective. Sometimes inclusion means reserving a place for a group that would otherwise be missing.",
            "approach": "A gender analysis of every major project, safety walks and follow-up.",
            "equity": "Young women and older people gain the most; some groups feel that places are being taken from them.",
            "alt": "Illustration: a lit footpath in a park, with benches.",
        },
        FR: {
            "title": "Aménager des espaces publics pour l'égalité femmes-hommes : l'inclusion par l'exclusion",
            "summary": "Umeå analyse qui utilise ses espaces publics et crée parfois des lieux pour un groupe afin que davantage de personnes s'y sentent les bienvenues.",
            "description": "Avec des marches exploratoires et des statistiques de fréquentation, Umeå planifie la ville avec une approche par le genre. L'inclusion passe parfois par un lieu réservé à un groupe qui, sinon, en serait absent.",
            "approach": "Une analyse de genre pour chaque projet d'envergure, des marches exploratoires et un suivi.",
            "equity": "Les jeunes femmes et les personnes âgées y gagnent le plus ; certains groupes ont le sentiment qu'on leur retire des lieux.",
            "alt": "Illustration : une allée éclairée dans un parc, avec des bancs.",
        },
    },
    "hallbara-livsstilar-pa-landsbygden-boras": {
        EN: {
            "title": "More sustainable rural lifestyles: how do we handle travel?",
            "summary": "Borås is looking at how people in the countryside can travel more sustainably: carpooling, mobility hubs and services close to home.",
            "description": "Carpooling and mobility hub pilots in three small towns outside Borås.",
            "looking_for": "French examples of rural services people can reach without a car.",
            "alt": "Illustration: a bus stop on a country road, with bicycles parked.",
        },
        FR: {
            "title": "Des modes de vie ruraux plus durables : comment gérer les déplacements ?",
            "summary": "Borås étudie comment les habitants des campagnes peuvent se déplacer de façon plus durable : covoiturage, hubs de mobilité et services de proximité.",
            "description": "Des expérimentations de covoiturage et de hubs de mobilité dans trois bourgs autour de Borås.",
            "looking_for": "Des exemples français de services en milieu rural accessibles sans voiture.",
            "alt": "Illustration : un arrêt de bus au bord d'une route de campagne, avec des vélos garés.",
        },
    },
    "circular-economy-waste-malmo": {
        SV: {
            "title": "En stark ambition för cirkulär ekonomi: avfall som resurs",
            "summary": "Malmö vill halvera hushållsavfallet genom att dela, laga och återanvända, med återbrukshubbar i varje stadsområde.",
            "description": "Återbrukshubbar, reparationskaféer och ett prylbibliotek för hela staden testas tillsammans med bostadsbolagen.",
            "approach": "Ett förvaltningsövergripande program för cirkulär ekonomi med årliga mål och öppna data om avfall.",
            "looking_for": "Partner till en gemensam EU-ansökan om cirkulär förnyelse av stadskärnor.",
            "alt": "Illustration: hyllor med lagade möbler och verktyg i en återbrukshubb.",
        },
        FR: {
            "title": "Une ambition forte en matière d'économie circulaire : les déchets comme ressource",
            "summary": "Malmö vise à réduire de moitié les déchets ménagers par le partage, la réparation et le réemploi, avec une ressourcerie dans chaque quartier.",
            "description": "Des ressourceries, des repair cafés et une bibliothèque d'objets à l'échelle de la ville sont expérimentés avec les sociétés de logement.",
            "approach": "Un programme d'économie circulaire commun à tous les services, avec des objectifs annuels et des données ouvertes sur les déchets.",
            "looking_for": "Des partenaires pour une candidature européenne commune sur la rénovation circulaire des centres-villes.",
            "alt": "Illustration : des étagères de meubles et d'outils réparés dans une ressourcerie.",
        },
    },
}

CLAIRE = "coordinator@demo.alliance.example"
ANNE = "anne.le-gall@demo.alliance.example"
YANN = "yann.guillou@demo.alliance.example"
SOFIA = "sofia.lindqvist@demo.alliance.example"
ELIN = "elin.berg@demo.alliance.example"
JOHAN = "johan.nilsson@demo.alliance.example"
LARS = "lars.eriksson@demo.alliance.example"


def _human(translator: str) -> dict:
    return {"translator": translator}


def _machine(reviewer: str) -> dict:
    return {"engine": ENGINE, "engine_version": ENGINE_VERSION, "reviewer": reviewer}


# Who made each translation: a member who reads both languages (load_demo's PEOPLE), or the
# machine, reviewed by such a member (the one stale field: OUT_OF_DATE).
PROVENANCE = {
    ("experimentation-place-de-la-grille", EN): _human(YANN),
    ("experimentation-place-de-la-grille", SV): _human(ELIN),
    ("alliance-ville-campagne-agriculture-paysage", EN): _human(ANNE),
    ("alliance-ville-campagne-agriculture-paysage", SV): _human(CLAIRE),
    ("projet-de-territoire-2018-de-rupture", EN): _machine(YANN),
    ("projet-de-territoire-2018-de-rupture", SV): _machine(ELIN),
    ("tillfallig-installation-offentligt-rum", EN): _human(SOFIA),
    ("tillfallig-installation-offentligt-rum", FR): _human(ELIN),
    ("jamstalld-stadsplanering-umea", EN): _human(LARS),
    ("jamstalld-stadsplanering-umea", FR): _human(ELIN),
    ("hallbara-livsstilar-pa-landsbygden-boras", EN): _machine(SOFIA),
    ("hallbara-livsstilar-pa-landsbygden-boras", FR): _machine(CLAIRE),
    ("circular-economy-waste-malmo", SV): _human(JOHAN),
    ("circular-economy-waste-malmo", FR): _machine(ANNE),
}

# (slug, language, field, the original's earlier wording the translation was made from).
OUT_OF_DATE = (
    "projet-de-territoire-2018-de-rupture",
    SV,
    "approach",
    "Un projet de territoire construit avec les communes de l'agglomération.",
)


def versions(slug: str) -> dict[str, Version]:
    """The project's translations by language, under the model's field names."""
    stale_slug, stale_language, stale_field, earlier = OUT_OF_DATE
    found = {}
    for language, texts in TRANSLATIONS[slug].items():
        provenance = PROVENANCE[(slug, language)]
        named = {FIELD_NAMES.get(field, field): text for field, text in texts.items()}
        if "translator" in provenance:
            found[language] = human(provenance["translator"], **named)
            continue
        stale = (slug, language) == (stale_slug, stale_language)
        made_from = {stale_field: earlier} if stale else None
        found[language] = machine(provenance["reviewer"], made_from=made_from, **named)
    return found


def load_project_translations() -> None:
    """Save the demo translations through the translation services, once: a project that
    already has a translation into a language is left as it is, so that load_demo can run
    again without adding revisions."""
    emails = {value.get("translator") or value["reviewer"] for value in PROVENANCE.values()}
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    for project in Project.objects.filter(slug__in=TRANSLATIONS):
        save_demo_translations(project, versions(project.slug), users)
