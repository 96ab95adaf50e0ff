"""Full-text search of questions on PostgreSQL: a stored vector, a GIN index, and triggers that
keep the vector right whatever writes the rows (the services, the admin, a bulk load).

A question's vector holds its title (weight A), its context and summary (B) in the question's
language's configuration (projects' migration 0002 made alliance_fr/sv/en), and each answer's
body (C) in the answer's own language's. A question's own trigger runs before its row is
written; an answer's, after its row is written or deleted, rewrites its question's vector.
SQLite skips all this: the search there compares the folded text.
"""

import django.contrib.postgres.search
from django.db import migrations

FUNCTIONS = """
CREATE OR REPLACE FUNCTION questions_config(language text) RETURNS regconfig AS $$
    SELECT CASE language
        WHEN 'fr' THEN 'alliance_fr'::regconfig
        WHEN 'sv' THEN 'alliance_sv'::regconfig
        ELSE 'alliance_en'::regconfig
    END
$$ LANGUAGE sql IMMUTABLE;

CREATE OR REPLACE FUNCTION questions_vector(
    question_id bigint, title text, context text, summary text, language text
) RETURNS tsvector AS $$
    SELECT setweight(to_tsvector(questions_config(language), coalesce(title, '')), 'A')
        || setweight(
            to_tsvector(
                questions_config(language), coalesce(context, '') || ' ' || coalesce(summary, '')
            ),
            'B'
        )
        || coalesce(
            (
                SELECT string_agg(
                    setweight(to_tsvector(questions_config(a.content_language), a.body), 'C')::text,
                    ' '
                )::tsvector
                FROM questions_answer a
                WHERE a.question_id = questions_vector.question_id
            ),
            ''::tsvector
        )
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION questions_question_indexed() RETURNS trigger AS $$
BEGIN
    NEW.search_vector := questions_vector(
        NEW.id, NEW.title, NEW.context, NEW.summary, NEW.content_language
    );
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION questions_answer_indexed() RETURNS trigger AS $$
DECLARE
    changed bigint[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := ARRAY[OLD.question_id];
    ELSIF TG_OP = 'UPDATE' THEN
        changed := ARRAY[OLD.question_id, NEW.question_id];
    ELSE
        changed := ARRAY[NEW.question_id];
    END IF;
    UPDATE questions_question q
    SET search_vector = questions_vector(q.id, q.title, q.context, q.summary, q.content_language)
    WHERE q.id = ANY(changed);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS questions_question_indexed ON questions_question;
CREATE TRIGGER questions_question_indexed
    BEFORE INSERT OR UPDATE OF title, context, summary, content_language ON questions_question
    FOR EACH ROW EXECUTE FUNCTION questions_question_indexed();

DROP TRIGGER IF EXISTS questions_answer_indexed ON questions_answer;
CREATE TRIGGER questions_answer_indexed
    AFTER INSERT OR DELETE OR UPDATE OF body, content_language, question_id ON questions_answer
    FOR EACH ROW EXECUTE FUNCTION questions_answer_indexed();

CREATE INDEX IF NOT EXISTS question_search_vector_gin
    ON questions_question USING GIN (search_vector);

UPDATE questions_question
SET search_vector = questions_vector(id, title, context, summary, content_language);
"""

REMOVE = """
DROP INDEX IF EXISTS question_search_vector_gin;
DROP TRIGGER IF EXISTS questions_answer_indexed ON questions_answer;
DROP TRIGGER IF EXISTS questions_question_indexed ON questions_question;
DROP FUNCTION IF EXISTS questions_answer_indexed();
DROP FUNCTION IF EXISTS questions_question_indexed();
DROP FUNCTION IF EXISTS questions_vector(bigint, text, text, text, text);
DROP FUNCTION IF EXISTS questions_config(text);
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIONS)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REMOVE)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0002_postgres_search"),
        ("questions", "0002_content_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(forwards, backwards),
    ]
