"""Demo methods for `make run`: the methods behind the demo projects (projects/demo.py), written
up by a planner of the city that uses them, in that city's language. Never for production.

``USES`` says which demo project used which method and how it went, in the project's language;
the projects live on a higher floor, so ``load_demo`` links them (``projects.ProjectMethod``).
"""

from accounts.models import User
from cities.models import City
from core.enums import ContentLanguage, Visibility
from themes.models import Theme

from .enums import MethodKind
from .models import Method

NNBSP = "\u202f"  # French: before : ; ? ! and inside « »
NB = NNBSP

SAFETY_WALK = "trygghetsvandring-med-genusperspektiv"
COUNTING = "rakna-hur-en-plats-anvands-efter-kon-och-alder"
TEMPORARY = "tillfallig-installation-bygga-observera-justera"
AMBASSADORS = "habitants-ambassadeurs-plan-de-paysage"
CIRCULAR = "circular-economy-targets-open-data"

METHODS = [
    {
        "slug": SAFETY_WALK,
        "city": "umea",
        "author": "elin.berg@demo.alliance.example",
        "language": ContentLanguage.SWEDISH,
        "kind": MethodKind.METHOD,
        "title": "Trygghetsvandring med genusperspektiv",
        "purpose": (
            "Att ta reda på var och varför människor känner sig otrygga på en offentlig plats, "
            "genom att gå där tillsammans med dem som använder den – och se till att både "
            "kvinnors och mäns, ungas och äldres erfarenheter kommer fram."
        ),
        "steps": (
            "1. Välj plats och tid tillsammans med förvaltningarna: gå gärna en gång i "
            "dagsljus och en gång efter mörkrets inbrott.\n"
            "2. Bjud in så att gruppen speglar dem som använder – eller undviker – platsen: "
            "unga kvinnor, äldre, föräldrar med barnvagn, personer med funktionsnedsättning.\n"
            "3. Gå en bestämd slinga med stopp. Vid varje stopp antecknar ni vad som känns "
            "otryggt och varför: belysning, skymd sikt, skötsel, vilka som är där.\n"
            "4. Sammanställ iakttagelserna på en karta, uppdelade på kön och ålder.\n"
            "5. Prioritera åtgärderna med de ansvariga förvaltningarna och berätta för "
            "deltagarna vad som görs och när.\n"
            "6. Gå samma slinga igen när åtgärderna är gjorda."
        ),
        "time_needed": (
            "En kväll för själva vandringen (2–3 timmar) och ungefär två dagars förberedelse "
            "och sammanställning."
        ),
        "cost": "Låg: fika, tryckta kartor och några timmars arbetstid från förvaltningarna.",
        "participants": (
            "Invånare som använder platsen, särskilt grupper som sällan hörs; planerare, gatu- "
            "och parkförvaltningen, gärna också polisen och fastighetsägare."
        ),
        "pitfalls": (
            "- Gruppen blir lätt för lik: de som redan är engagerade kommer.\n"
            "- Utan återkoppling tappar deltagarna förtroendet.\n"
            "- En vandring i dagsljus missar det viktigaste."
        ),
        "themes": ["public-spaces", "climate-equity-justice"],
        "tags": ["trygghet", "genus", "offentligt rum"],
    },
    {
        "slug": COUNTING,
        "city": "umea",
        "author": "lars.eriksson@demo.alliance.example",
        "language": ContentLanguage.SWEDISH,
        "kind": MethodKind.TOOL,
        "title": "Räkna hur en plats används, efter kön och ålder",
        "purpose": (
            "Att med enkla, upprepade räkningar se vilka som faktiskt använder en plats och "
            "vilka som saknas, så att gestaltningen bygger på fakta och inte på antaganden."
        ),
        "steps": (
            "1. Dela in platsen i zoner och rita in dem på ett räkneformulär.\n"
            "2. Räkna tre gånger om dagen – morgon, lunch och kväll – en vardag och en helgdag, "
            "vid samma tider varje gång.\n"
            "3. Notera för varje person ungefärlig ålder (barn, ung, vuxen, äldre), kön och vad "
            "personen gör: passerar, sitter, leker, arbetar.\n"
            "4. Gör om räkningen varje säsong, och före och efter varje förändring av platsen.\n"
            "5. Redovisa resultatet i diagram per zon och tid och visa dem för dem som arbetar "
            "med gestaltningen."
        ),
        "time_needed": "Ungefär en timme per räkning och zon, en halv dag för sammanställningen.",
        "cost": "Mycket låg: ett formulär, papper eller en surfplatta, och arbetstid.",
        "participants": (
            "Planerare, praktikanter eller studenter som räknar; gärna också boende som vill "
            "vara med."
        ),
        "pitfalls": (
            "- Kön och ålder uppskattas på avstånd: redovisa dem som uppskattningar och fråga "
            "aldrig ut enskilda personer.\n"
            "- Räkna vid samma tider, annars går säsongerna inte att jämföra.\n"
            "- Glöm inte kvällen: det är då skillnaderna syns."
        ),
        "themes": ["public-spaces", "indicators-sdgs"],
        "tags": ["genus", "observation", "offentligt rum"],
    },
    {
        "slug": TEMPORARY,
        "city": "gothenburg",
        "author": "sofia.lindqvist@demo.alliance.example",
        "language": ContentLanguage.SWEDISH,
        "kind": MethodKind.METHOD,
        "title": "Tillfällig installation: bygga, observera, justera",
        "purpose": (
            "Att pröva en ny utformning av ett offentligt rum i full skala och med enkla, "
            "flyttbara medel innan något byggs permanent, och låta det som händer på platsen "
            "styra den slutliga gestaltningen."
        ),
        "steps": (
            "1. Formulera vad ni vill ta reda på: vilka ska använda platsen, och till vad?\n"
            "2. Bygg en enkel, flyttbar installation – trädäck, sittplatser, växter i lådor, en "
            "liten scen – med tillstånd för tillfällig användning av offentlig plats.\n"
            "3. Observera i korta cykler, till exempel varannan vecka: räkna, titta, prata med "
            "besökare och grannar.\n"
            "4. Justera installationen efter varje cykel: flytta, ta bort, lägg till.\n"
            "5. Sammanfatta lärdomarna och för in dem i programmet för den permanenta "
            "ombyggnaden."
        ),
        "time_needed": (
            "En säsong på plats (3–6 månader), och 2–3 månader innan för tillstånd och bygge."
        ),
        "cost": (
            "Medel: material, bygge och skötsel under säsongen; mycket kan återanvändas på "
            "nästa plats."
        ),
        "participants": (
            "En förvaltningsövergripande projektgrupp (stadsbyggnad, trafik, park och natur), "
            "boende, föreningar, fastighetsägare och näringsidkare runt platsen."
        ),
        "pitfalls": (
            "- Skötseln och användningen nattetid underskattas lätt.\n"
            "- En installation som ser färdig ut uppfattas som redan beslutad: säg tydligt att "
            "den är ett försök.\n"
            "- Bestäm i förväg hur resultatet ska påverka den permanenta gestaltningen, annars "
            "blir det bara ett evenemang."
        ),
        "themes": ["public-spaces", "innovation", "citizen-participation"],
        "tags": ["tillfällig användning", "offentligt rum", "taktisk urbanism"],
    },
    {
        "slug": AMBASSADORS,
        "city": "saint-brieuc",
        "author": "anne.le-gall@demo.alliance.example",
        "language": ContentLanguage.FRENCH,
        "kind": MethodKind.METHOD,
        "title": "Des habitants ambassadeurs pour un plan de paysage",
        "purpose": (
            "Construire un plan de paysage avec des habitantes et habitants volontaires qui "
            "apprennent à lire leur territoire, le font découvrir à leurs voisins et portent "
            "les objectifs de qualité paysagère auprès des élus."
        ),
        "steps": (
            "1. Lancer un appel à volontaires dans chaque commune, par le bulletin municipal, "
            "les associations et les marchés.\n"
            f"2. Former les ambassadeurs à la lecture du paysage lors de balades avec un ou une "
            f"paysagiste{NB}: haies, cours d'eau, entrées de bourg, fermes.\n"
            "3. Faire réaliser par les ambassadeurs l'inventaire de leur commune (photos, "
            "croquis, carte des lieux aimés et des lieux abîmés).\n"
            "4. Organiser des ateliers où ambassadeurs, agriculteurs et élus fixent ensemble "
            "les objectifs de qualité paysagère.\n"
            f"5. Traduire ces objectifs en programme d'actions{NB}: plantations, sentiers, règles "
            "du PLUi.\n"
            "6. Confier aux ambassadeurs des balades publiques chaque année pour faire vivre "
            "le plan."
        ),
        "time_needed": f"Environ dix-huit mois pour le plan{NB}; ensuite quelques balades par an.",
        "cost": (
            f"Modéré{NB}: un ou une paysagiste pour la formation et les ateliers, l'impression "
            "des supports, une partie du temps d'un chargé de mission. L'appel à projets Plans "
            "de paysage du ministère a aidé à financer la démarche."
        ),
        "participants": (
            "Habitantes et habitants volontaires de toutes les communes, agriculteurs, élus, "
            "chambre d'agriculture, un ou une paysagiste."
        ),
        "pitfalls": (
            f"- Les volontaires sont souvent des retraités déjà engagés{NB}: allez chercher les "
            "jeunes et les nouveaux arrivants.\n"
            "- Les ambassadeurs s'essoufflent si leurs propositions ne se retrouvent pas dans "
            "les documents d'urbanisme.\n"
            "- Les agriculteurs doivent être associés dès le début, pas consultés à la fin."
        ),
        "themes": ["rural-development", "citizen-participation"],
        "tags": ["paysage", "participation", "ambassadeurs"],
    },
    {
        "slug": CIRCULAR,
        "city": "malmo",
        "author": "johan.nilsson@demo.alliance.example",
        "language": ContentLanguage.ENGLISH,
        "kind": MethodKind.METHOD,
        "title": "Yearly circular-economy targets with open data on waste",
        "purpose": (
            "To keep a city-wide circular-economy programme on course: every department "
            "commits to yearly targets, and the figures on waste and reuse are published as "
            "open data, so that residents, housing companies and the city council can follow "
            "progress."
        ),
        "steps": (
            "1. Agree on a few indicators with the waste company and the departments: "
            "household waste per resident, the share reused or repaired, the items lent by "
            "the sharing library.\n"
            "2. Set a yearly target per indicator and per department, adopted with the budget.\n"
            "3. Publish the figures as open data, district by district, every quarter, with a "
            "short note on how they were measured.\n"
            "4. Review the targets each year with the departments and the housing companies: "
            "change the measures, not the figures.\n"
            "5. Show the results on a simple public page and in the reuse hubs."
        ),
        "time_needed": (
            "About six months to agree on the indicators and set up the data flow; then a few "
            "days each quarter."
        ),
        "cost": (
            "Low to moderate: staff time for the data and a page on the city's open-data "
            "portal; no new software."
        ),
        "participants": (
            "The circular-economy programme team, every department, the municipal waste "
            "company, the housing companies and the open-data team."
        ),
        "pitfalls": (
            "- Too many indicators, and nobody follows them: start with three.\n"
            "- Waste figures by district can point fingers at neighbourhoods: explain them, "
            "and compare each district with itself over time.\n"
            "- Targets set without the departments are never theirs."
        ),
        "themes": ["town-centre-renewal", "indicators-sdgs", "innovation"],
        "tags": ["circular economy", "open data", "indicators"],
    },
]

# (project slug, method slug, written by, how it went – in the project's language)
USES = [
    (
        "jamstalld-stadsplanering-umea",
        SAFETY_WALK,
        "elin.berg@demo.alliance.example",
        "Vi gör trygghetsvandringar i alla större projekt. Den senaste, i parken längs älven, "
        "ledde till ny belysning och till att ett tätt buskage togs bort; de unga kvinnor som "
        "var med säger att de nu tar den vägen hem.",
    ),
    (
        "experimentation-place-de-la-grille",
        SAFETY_WALK,
        "yann.guillou@demo.alliance.example",
        "Deux marches exploratoires avec des habitantes, l'une de jour, l'autre à la tombée de "
        f"la nuit, ont montré que l'angle nord de la place était mal éclairé{NB}; l'éclairage y "
        "a été renforcé pendant l'expérimentation.",
    ),
    (
        "jamstalld-stadsplanering-umea",
        COUNTING,
        "lars.eriksson@demo.alliance.example",
        "Räkningarna visade att flickor över tolv år nästan försvann från parker och "
        "skolgårdar. Det blev underlaget för att reservera en plats för dem, utformad efter "
        "deras egna önskemål.",
    ),
    (
        "experimentation-place-de-la-grille",
        COUNTING,
        "yann.guillou@demo.alliance.example",
        f"Nous avons repris la grille de comptage d'Umeå{NB}: trois comptages par jour, à 8 h, "
        "13 h et 21 h. Ils montrent que les adolescentes désertent la place le soir, et c'est "
        "notre piste de travail pour la saison prochaine.",
    ),
    (
        "tillfallig-installation-offentligt-rum",
        TEMPORARY,
        "sofia.lindqvist@demo.alliance.example",
        "Under sommaren flyttade vi scenen två gånger och tog bort hälften av "
        "parkeringsplatserna i stället för alla. Besökarnas synpunkter finns nu med i "
        "programmet för ombyggnaden.",
    ),
    (
        "experimentation-place-de-la-grille",
        TEMPORARY,
        "yann.guillou@demo.alliance.example",
        "Nous avons suivi la même démarche pendant un an, avec du mobilier mobile, des jeux et "
        f"des marquages au sol ajustés à chaque saison. Le nettoyage et les usages nocturnes "
        f"nous ont coûté plus que prévu{NB}; la concertation, elle, a été bien plus riche "
        "qu'avec des plans.",
    ),
    (
        "alliance-ville-campagne-agriculture-paysage",
        AMBASSADORS,
        "anne.le-gall@demo.alliance.example",
        f"Une quarantaine d'habitants se sont portés volontaires{NB}; leurs balades attirent "
        "plus de monde que nos réunions publiques, et leurs objectifs de qualité paysagère "
        "sont repris dans le PLUi.",
    ),
    (
        "circular-economy-waste-malmo",
        CIRCULAR,
        "johan.nilsson@demo.alliance.example",
        "Publishing the figures every quarter changed our talks with the housing companies: "
        "they now ask for their own district's numbers. The reuse share has grown every year, "
        "but household waste per resident is falling more slowly than we hoped.",
    ),
    (
        "projet-de-territoire-2018-de-rupture",
        CIRCULAR,
        "yann.guillou@demo.alliance.example",
        "Nous nous en inspirons pour suivre le volet économie circulaire du projet de "
        f"territoire{NB}: trois indicateurs, publiés chaque année en données ouvertes, commune "
        "par commune.",
    ),
]


def load_methods() -> None:
    """Write the demo methods once each (by slug): loading the demo again changes nothing."""
    cities = {city.slug: city for city in City.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    users = {
        user.email: user for user in User.objects.filter(email__endswith="demo.alliance.example")
    }
    for data in METHODS:
        method, created = Method.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "kind": data["kind"],
                "purpose": data["purpose"],
                "steps": data["steps"],
                "time_needed": data["time_needed"],
                "cost": data["cost"],
                "participants": data["participants"],
                "pitfalls": data["pitfalls"],
                "content_language": data["language"],
                "visibility": Visibility.PUBLIC,
                "city": cities.get(data["city"]),
                "author": users.get(data["author"]),
            },
        )
        if created:
            method.themes.set([themes[slug] for slug in data["themes"] if slug in themes])
            method.tags.set(data["tags"])
