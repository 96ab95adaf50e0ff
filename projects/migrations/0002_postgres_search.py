"""PostgreSQL only: accent-insensitive text-search configurations and the GIN index.

alliance_fr / alliance_sv / alliance_en copy the french / swedish / english configurations and
run ``unaccent`` before the stemmer, so "renovation" finds "rénovation". SQLite skips all this
(its fallback search folds accents in Python).
"""

from django.db import migrations

CONFIGS = {"alliance_fr": "french", "alliance_sv": "swedish", "alliance_en": "english"}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    statements = ["CREATE EXTENSION IF NOT EXISTS unaccent"]
    for name, base in CONFIGS.items():
        statements += [
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name} CASCADE",
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{base})",
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword, hword_part, word "
            f"WITH unaccent, {base}_stem",
        ]
    statements.append(
        "CREATE INDEX IF NOT EXISTS project_search_vector_gin "
        "ON projects_project USING GIN (search_vector)"
    )
    for statement in statements:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS project_search_vector_gin")
    for name in CONFIGS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
