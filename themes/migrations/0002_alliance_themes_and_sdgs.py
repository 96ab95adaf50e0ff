"""The Alliance's five work themes, Saint-Brieuc's three topics and the 17 UN SDGs (from the Alliance's presentation)."""

from django.db import migrations

THEMES = [
    # slug, kind, en, fr, sv, year_start, year_end, (description en, fr, sv)
    (
        "renovation-energy-efficiency",
        "alliance",
        "Renovation and energy efficiency",
        "La rénovation et l'efficacité énergétique",
        "Renovering och energieffektivisering",
        2015,
        2016,
        (
            "How cities organise the renovation of buildings and districts to use less energy.",
            "Comment les villes organisent la rénovation des bâtiments et des quartiers pour consommer moins d'énergie.",
            "Hur städer organiserar renovering av byggnader och stadsdelar för att använda mindre energi.",
        ),
    ),
    (
        "innovation",
        "alliance",
        "Innovation in all its forms",
        "L'innovation sous toutes ses formes",
        "Innovation i alla dess former",
        None,
        None,
        (
            "New ways of working inside the city and with every stakeholder, not only new technology.",
            "De nouvelles façons de faire, en interne et avec l'ensemble des parties prenantes, pas seulement des technologies nouvelles.",
            "Nya arbetssätt inom staden och med alla aktörer, inte bara ny teknik.",
        ),
    ),
    (
        "climate-equity-justice",
        "alliance",
        "Equity and environmental justice in climate policy",
        "L'impact des politiques climatiques en matière d'équité et de justice environnementale",
        "Klimatpolitikens påverkan på jämlikhet och miljörättvisa",
        None,
        None,
        (
            "Who benefits from climate policies, and who bears their costs.",
            "Qui bénéficie des politiques climatiques, et qui en supporte les coûts.",
            "Vem som gynnas av klimatpolitiken, och vem som bär kostnaderna.",
        ),
    ),
    (
        "citizen-participation",
        "alliance",
        "Citizen participation for more sustainable lifestyles",
        "La participation et l'engagement citoyen pour la promotion de modes de vie plus durables",
        "Medborgardeltagande för mer hållbara livsstilar",
        None,
        None,
        (
            "Involving residents so that sustainable ways of living become everyday choices.",
            "Impliquer les habitants pour que les modes de vie durables deviennent des choix quotidiens.",
            "Att involvera invånarna så att hållbara levnadssätt blir vardagliga val.",
        ),
    ),
    (
        "indicators-sdgs",
        "alliance",
        "Sustainable urban development indicators and the local implementation of the UN SDGs",
        "Les indicateurs du développement urbain durable et la mise en œuvre locale des ODD de l'ONU",
        "Indikatorer för hållbar stadsutveckling och lokalt genomförande av FN:s globala mål",
        None,
        None,
        (
            "Measuring sustainable development and bringing the UN goals to the city level.",
            "Mesurer le développement durable et décliner les objectifs de l'ONU à l'échelle de la ville.",
            "Att mäta hållbar utveckling och föra FN:s globala mål till stadens nivå.",
        ),
    ),
    (
        "public-spaces",
        "proposed",
        "Redesigning public spaces for every use and many uses",
        "Le réaménagement des espaces publics : permettre les usages de tous et penser la polyvalence",
        "Omgestaltning av offentliga rum för allas och flera användningar",
        None,
        None,
        (
            "Squares and streets that welcome everyone and serve several purposes.",
            "Des places et des rues qui accueillent tout le monde et servent plusieurs usages.",
            "Torg och gator som välkomnar alla och fyller flera funktioner.",
        ),
    ),
    (
        "rural-development",
        "proposed",
        "A new model of rural development, other than sprawl",
        "Un nouveau modèle de développement rural : un développement alternatif à l'extension",
        "En ny modell för landsbygdsutveckling, utan utbredning",
        None,
        None,
        (
            "Rural communes that develop without spreading over farmland.",
            "Des communes rurales qui se développent sans s'étendre sur les terres agricoles.",
            "Landsbygdskommuner som utvecklas utan att breda ut sig över jordbruksmark.",
        ),
    ),
    (
        "town-centre-renewal",
        "proposed",
        "Renewing town centres first: energy efficiency and circular economy",
        "La priorité à la rénovation des centres : efficacité énergétique et économie circulaire",
        "Förnyelse av stadskärnor först: energieffektivitet och cirkulär ekonomi",
        None,
        None,
        (
            "Bringing town centres back to life before building elsewhere.",
            "Redonner vie aux centres avant de construire ailleurs.",
            "Att ge stadskärnorna nytt liv innan man bygger någon annanstans.",
        ),
    ),
]

SDGS = [
    (1, "No Poverty", "Pas de pauvreté", "Ingen fattigdom", "#E5243B"),
    (2, "Zero Hunger", "Faim « zéro »", "Ingen hunger", "#DDA63A"),
    (
        3,
        "Good Health and Well-being",
        "Bonne santé et bien-être",
        "Hälsa och välbefinnande",
        "#4C9F38",
    ),
    (4, "Quality Education", "Éducation de qualité", "God utbildning för alla", "#C5192D"),
    (5, "Gender Equality", "Égalité entre les sexes", "Jämställdhet", "#FF3A21"),
    (
        6,
        "Clean Water and Sanitation",
        "Eau propre et assainissement",
        "Rent vatten och sanitet för alla",
        "#26BDE2",
    ),
    (
        7,
        "Affordable and Clean Energy",
        "Énergie propre et d'un coût abordable",
        "Hållbar energi för alla",
        "#FCC30B",
    ),
    (
        8,
        "Decent Work and Economic Growth",
        "Travail décent et croissance économique",
        "Anständiga arbetsvillkor och ekonomisk tillväxt",
        "#A21942",
    ),
    (
        9,
        "Industry, Innovation and Infrastructure",
        "Industrie, innovation et infrastructure",
        "Hållbar industri, innovationer och infrastruktur",
        "#FD6925",
    ),
    (10, "Reduced Inequalities", "Inégalités réduites", "Minskad ojämlikhet", "#DD1367"),
    (
        11,
        "Sustainable Cities and Communities",
        "Villes et communautés durables",
        "Hållbara städer och samhällen",
        "#FD9D24",
    ),
    (
        12,
        "Responsible Consumption and Production",
        "Consommation et production responsables",
        "Hållbar konsumtion och produktion",
        "#BF8B2E",
    ),
    (
        13,
        "Climate Action",
        "Mesures relatives à la lutte contre les changements climatiques",
        "Bekämpa klimatförändringarna",
        "#3F7E44",
    ),
    (14, "Life Below Water", "Vie aquatique", "Hav och marina resurser", "#0A97D9"),
    (15, "Life on Land", "Vie terrestre", "Ekosystem och biologisk mångfald", "#56C02B"),
    (
        16,
        "Peace, Justice and Strong Institutions",
        "Paix, justice et institutions efficaces",
        "Fredliga och inkluderande samhällen",
        "#00689D",
    ),
    (
        17,
        "Partnerships for the Goals",
        "Partenariats pour la réalisation des objectifs",
        "Genomförande och globalt partnerskap",
        "#19486A",
    ),
]


def load(apps, schema_editor):
    Theme = apps.get_model("themes", "Theme")
    City = apps.get_model("cities", "City")
    saint_brieuc = City.objects.filter(slug="saint-brieuc").first()
    for position, (slug, kind, en, fr, sv, start, end, descriptions) in enumerate(THEMES):
        Theme.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "name_en": en,
                "name_fr": fr,
                "name_sv": sv,
                "description_en": descriptions[0],
                "description_fr": descriptions[1],
                "description_sv": descriptions[2],
                "year_start": start,
                "year_end": end,
                "position": position,
                "proposed_by": saint_brieuc if kind == "proposed" else None,
            },
        )
    Goal = apps.get_model("themes", "SustainableDevelopmentGoal")
    for number, en, fr, sv, colour in SDGS:
        Goal.objects.update_or_create(
            number=number,
            defaults={"name_en": en, "name_fr": fr, "name_sv": sv, "colour": colour},
        )


def unload(apps, schema_editor):
    apps.get_model("themes", "Theme").objects.filter(slug__in=[t[0] for t in THEMES]).delete()
    apps.get_model("themes", "SustainableDevelopmentGoal").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("themes", "0001_initial"),
        ("cities", "0002_member_cities"),
    ]

    operations = [migrations.RunPython(load, unload)]
