"""The ten member cities of the Alliance (from the Alliance's presentation) and the network coordinators' group."""

from decimal import Decimal

from django.db import migrations

CITIES = [
    # slug, name, local name, country, region, member body, population, note, lat, lon, network
    (
        "boras",
        "Borås",
        "Borås",
        "SE",
        "Västra Götalands län",
        "Borås Stad",
        115000,
        "",
        "57.7210",
        "12.9401",
    ),
    (
        "gothenburg",
        "Gothenburg",
        "Göteborg",
        "SE",
        "Västra Götalands län",
        "Göteborgs Stad",
        605000,
        "",
        "57.7089",
        "11.9746",
    ),
    (
        "linkoping",
        "Linköping",
        "Linköping",
        "SE",
        "Östergötlands län",
        "Linköpings kommun",
        166000,
        "",
        "58.4108",
        "15.6214",
    ),
    ("malmo", "Malmö", "Malmö", "SE", "Skåne län", "Malmö stad", 360000, "", "55.6050", "13.0038"),
    (
        "umea",
        "Umeå",
        "Umeå",
        "SE",
        "Västerbottens län",
        "Umeå kommun",
        134000,
        "",
        "63.8258",
        "20.2630",
    ),
    (
        "grenoble",
        "Grenoble",
        "Grenoble",
        "FR",
        "Auvergne-Rhône-Alpes (Isère)",
        "Ville de Grenoble",
        157000,
        "",
        "45.1885",
        "5.7245",
    ),
    (
        "la-rochelle",
        "La Rochelle",
        "La Rochelle",
        "FR",
        "Nouvelle-Aquitaine (Charente-Maritime)",
        "Ville de La Rochelle",
        78000,
        "",
        "46.1603",
        "-1.1511",
    ),
    (
        "paris",
        "Paris",
        "Paris",
        "FR",
        "Île-de-France",
        "Ville de Paris",
        2130000,
        "",
        "48.8566",
        "2.3522",
    ),
    (
        "saint-brieuc",
        "Saint-Brieuc",
        "Saint-Brieuc",
        "FR",
        "Bretagne (Côtes-d'Armor)",
        "Saint-Brieuc Armor Agglomération",
        44000,
        "agglomeration ≈ 150 000",
        "48.5136",
        "-2.7603",
    ),
    (
        "strasbourg",
        "Strasbourg",
        "Strasbourg",
        "FR",
        "Grand Est (Bas-Rhin)",
        "Ville et Eurométropole de Strasbourg",
        290000,
        "",
        "48.5734",
        "7.7521",
    ),
]

NETWORKS = {
    "FR": "Club EcoQuartier",
    "SE": "Energimyndigheten (Swedish Energy Agency) platform",
}


def load(apps, schema_editor):
    City = apps.get_model("cities", "City")
    for slug, name, local, country, region, body, population, note, lat, lon in CITIES:
        City.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "local_name": local,
                "country": country,
                "region": region,
                "member_body": body,
                "population": population,
                "population_note": note,
                "latitude": Decimal(lat),
                "longitude": Decimal(lon),
                "national_network": NETWORKS[country],
                "is_active": True,
            },
        )
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name="Coordinators")


def unload(apps, schema_editor):
    apps.get_model("cities", "City").objects.filter(slug__in=[c[0] for c in CITIES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cities", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(load, unload)]
