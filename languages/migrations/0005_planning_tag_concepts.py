"""Translations of the demo projects' tags and of common planning tags: French, Swedish and
English names a planner would tag a project with. A name is left empty where no planner of that
language would use a tag for it."""

from django.db import migrations
from django.utils.text import slugify

# (French, Swedish, English)
CONCEPTS = [
    ("espace public", "offentligt rum", "public space"),
    ("usage temporaire", "tillfällig användning", "temporary use"),
    ("urbanisme tactique", "taktisk urbanism", "tactical urbanism"),
    ("participation citoyenne", "medborgardialog", "citizen participation"),
    ("concertation", "samråd", "public consultation"),
    ("mobilité", "mobilitet", "mobility"),
    ("transports en commun", "kollektivtrafik", "public transport"),
    ("vélo", "cykel", "cycling"),
    ("marche à pied", "gång", "walking"),
    ("covoiturage", "samåkning", "car sharing"),
    ("territoires ruraux", "landsbygd", "rural areas"),
    ("paysage", "landskap", "landscape"),
    ("agriculture", "jordbruk", "agriculture"),
    ("étalement urbain", "utglesning", "urban sprawl"),
    ("densification", "förtätning", "densification"),
    ("rénovation", "renovering", "renovation"),
    ("rénovation énergétique", "energieffektivisering", "energy retrofit"),
    ("centre-ville", "stadskärna", "town centre"),
    ("revitalisation des centres-bourgs", "levande stadskärna", "town-centre revitalisation"),
    ("économie circulaire", "cirkulär ekonomi", "circular economy"),
    ("déchets", "avfall", "waste"),
    ("réemploi", "återbruk", "reuse"),
    ("genre", "genus", "gender"),
    ("égalité femmes-hommes", "jämställdhet", "gender equality"),
    ("sentiment de sécurité", "trygghet", "perceived safety"),
    ("accessibilité", "tillgänglighet", "accessibility"),
    ("logement", "bostäder", "housing"),
    ("mixité sociale", "social blandning", "social mix"),
    ("biodiversité", "biologisk mångfald", "biodiversity"),
    ("nature en ville", "grönområden", "urban green space"),
    ("adaptation au changement climatique", "klimatanpassning", "climate adaptation"),
    ("îlot de chaleur", "värmeö", "urban heat island"),
    ("eaux pluviales", "dagvatten", "stormwater"),
    ("transition énergétique", "energiomställning", "energy transition"),
    ("jeunesse", "unga", "young people"),
    ("commerce de proximité", "närservice", "local shops and services"),
]


def seed(apps, schema_editor):
    TagConcept = apps.get_model("languages", "TagConcept")
    for fr, sv, en in CONCEPTS:
        TagConcept.objects.update_or_create(
            slug=slugify(en), defaults={"name_fr": fr, "name_sv": sv, "name_en": en}
        )


def unseed(apps, schema_editor):
    TagConcept = apps.get_model("languages", "TagConcept")
    TagConcept.objects.filter(slug__in=[slugify(en) for _fr, _sv, en in CONCEPTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("languages", "0004_tag_concepts")]

    operations = [migrations.RunPython(seed, unseed)]
