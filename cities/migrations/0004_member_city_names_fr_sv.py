"""The member cities' names in French and Swedish: Göteborg in both (Gothenburg is the English
name); the other nine are written the same in the three languages."""

from django.db import migrations

NAMES = {
    # slug: (French, Swedish)
    "boras": ("Borås", "Borås"),
    "gothenburg": ("Göteborg", "Göteborg"),
    "linkoping": ("Linköping", "Linköping"),
    "malmo": ("Malmö", "Malmö"),
    "umea": ("Umeå", "Umeå"),
    "grenoble": ("Grenoble", "Grenoble"),
    "la-rochelle": ("La Rochelle", "La Rochelle"),
    "paris": ("Paris", "Paris"),
    "saint-brieuc": ("Saint-Brieuc", "Saint-Brieuc"),
    "strasbourg": ("Strasbourg", "Strasbourg"),
}


def name_cities(apps, schema_editor):
    City = apps.get_model("cities", "City")
    for city in City.objects.filter(slug__in=NAMES):
        city.name_fr, city.name_sv = NAMES[city.slug]
        city.save(update_fields=["name_fr", "name_sv"])


def unname_cities(apps, schema_editor):
    apps.get_model("cities", "City").objects.filter(slug__in=NAMES).update(name_fr="", name_sv="")


class Migration(migrations.Migration):
    dependencies = [
        ("cities", "0003_city_names_fr_sv"),
    ]

    operations = [migrations.RunPython(name_cities, unname_cities)]
