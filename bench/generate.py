"""Fill the benchmark's PostgreSQL database with realistic data, made with the portal's models.

    python -m bench.generate --projects 100000 --comments 1000000 --users 2000 --events 2000 \
        --questions 5000

The database (--database-url, or BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/alliance_bench; never DATABASE_URL, so that a benchmark never
touches the portal's own database) is created if missing and migrated (the cities, themes and
goals come with the migrations). When it already holds data made with the same parameters
(remembered in the database's comment) nothing is redone; otherwise it is dropped and made
again. A database the benchmark did not make is left alone unless --fresh is given. Rows are
written with bulk_create in batches; the search data is what ``projects.search.index_project``
stores (the same texts, weights and configurations), one UPDATE per batch, checked against
index_project itself on a few projects.
"""

import argparse
import datetime
import os
import random
import sys
import time
from contextlib import contextmanager

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/alliance_bench"
BATCH = 5_000

WORDS = (
    "mobility cycling square street tram bus heat island trees garden housing renovation energy "
    "district heating solar school playground harbour waterfront market library youth elderly "
    "participation citizens workshop budget climate adaptation flood rain biodiversity park "
    "lighting safety walking parking logistics circular waste repair reuse food canteen "
    "culture festival tourism commerce centre neighbourhood density zoning transport data"
).split()
TAGS = [f"{a}-{b}" for a, b in zip(WORDS[::2], WORDS[1::2], strict=False)][:40]


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(sentences))


@contextmanager
def server_cursor(url: str):
    """A cursor on the server of the database named by ``url`` (its maintenance database,
    autocommit: CREATE and DROP DATABASE run outside transactions), and that name."""
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(url)
    connection = psycopg2.connect(
        dbname="postgres",
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
    )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            yield cursor, config["NAME"]
    finally:
        connection.close()


def ensure_database(url: str) -> None:
    """Create the database named by ``url`` when it does not exist yet."""
    with server_cursor(url) as (cursor, name):
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            log(f"creating database {name}")
            cursor.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    with server_cursor(url) as (cursor, name):
        log(f"dropping database {name}")
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def stored_signature() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
            "WHERE datname = current_database()"
        )
        return cursor.fetchone()[0] or ""


def store_signature(signature: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        name = connection.settings_dict["NAME"]
        cursor.execute(f'COMMENT ON DATABASE "{name}" IS %s', [signature])


def batches(total: int):
    for start in range(0, total, BATCH):
        yield start, min(BATCH, total - start)


def spread_dates(table: str, column: str, days: int, *, future: int = 0) -> None:
    """Dates spread over the last ``days`` days (bulk_create stamps them all with now)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {column} = now() - make_interval(secs => "  # noqa: S608
            f"(random() * %s - %s) * 86400)",
            [days + future, future],
        )


def make_users(rng: random.Random, count: int):
    from django.utils import timezone

    from accounts.models import User
    from cities.enums import MembershipRole, MembershipStatus
    from cities.models import City, Membership

    cities = list(City.objects.order_by("pk"))
    roles = [role for role in MembershipRole.values if role != MembershipRole.COORDINATOR]
    for start, size in batches(count):
        users = User.objects.bulk_create(
            User(
                email=f"bench-{start + index:07d}@example.org",
                full_name=f"{rng.choice(WORDS).capitalize()} Person {start + index}",
                organisation=f"{rng.choice(cities).name} {rng.choice(WORDS)} office",
                password="!",  # noqa: S106 - unusable: the runner signs in through a session
                preferred_language=rng.choice(["en", "fr", "sv"]),
            )
            for index in range(size)
        )
        now = timezone.now()
        Membership.objects.bulk_create(
            Membership(
                user=user,
                city=cities[(start + index) % len(cities)],
                role=MembershipRole.COORDINATOR
                if start + index < len(cities)
                else rng.choice(roles),
                status=MembershipStatus.APPROVED,
                decided_at=now,
            )
            for index, user in enumerate(users)
        )
    log(f"{count} users with approved memberships")


def make_projects(rng: random.Random, count: int) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from psycopg2.extras import execute_values
    from taggit.models import Tag, TaggedItem

    from accounts.models import User
    from cities.models import City
    from core.enums import Visibility
    from projects.enums import SEARCH_CONFIGS, ProjectStatus
    from projects.models import Project
    from projects.search import BODY_FIELDS, fold
    from themes.models import SustainableDevelopmentGoal, Theme

    cities = list(City.objects.order_by("pk"))
    themes = list(Theme.objects.order_by("pk"))
    goals = list(SustainableDevelopmentGoal.objects.order_by("pk"))
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in TAGS]
    user_ids = list(User.objects.values_list("pk", flat=True))
    content_type = ContentType.objects.get_for_model(Project)
    statuses = list(ProjectStatus.values)
    for start, size in batches(count):
        projects, chosen_tags = [], []
        for index in range(size):
            number = start + index
            title = f"{sentence(rng, rng.randint(3, 7))[:-1]} {number}"
            project = Project(
                city=rng.choice(cities),
                title=title,
                slug=f"bench-project-{number}",
                lead_organisation=f"{rng.choice(WORDS).capitalize()} department",
                summary=sentence(rng, rng.randint(15, 30))[:500],
                description=paragraph(rng, rng.randint(3, 8)),
                approach=paragraph(rng, 2),
                stakeholders=paragraph(rng, 1),
                lessons_learned=paragraph(rng, 2),
                looking_for=paragraph(rng, 1),
                status=statuses[number % len(statuses)],
                start_date=datetime.date(2015, 1, 1)
                + datetime.timedelta(days=rng.randint(0, 3650)),
                content_language=rng.choice(["en", "fr", "sv"]),
                visibility=Visibility.MEMBERS if number % 10 == 0 else Visibility.PUBLIC,
                author_id=rng.choice(user_ids) if user_ids else None,
            )
            projects.append(project)
            chosen_tags.append(rng.sample(tags, rng.randint(0, 4)))
        projects = Project.objects.bulk_create(projects)
        Project.themes.through.objects.bulk_create(
            Project.themes.through(project_id=project.pk, theme_id=theme.pk)
            for project in projects
            for theme in rng.sample(themes, rng.randint(1, 3))
        )
        Project.sdgs.through.objects.bulk_create(
            Project.sdgs.through(project_id=project.pk, sustainabledevelopmentgoal_id=goal.pk)
            for project in projects
            for goal in rng.sample(goals, rng.randint(0, 3))
        )
        TaggedItem.objects.bulk_create(
            TaggedItem(tag=tag, content_type=content_type, object_id=project.pk)
            for project, project_tags in zip(projects, chosen_tags, strict=True)
            for tag in project_tags
        )
        # What projects.search.index_project stores, for projects without translations.
        rows = []
        for project, project_tags in zip(projects, chosen_tags, strict=True):
            names = " ".join(sorted(tag.name for tag in project_tags))
            summary = f"{project.summary} {names}"
            body = " ".join(
                [getattr(project, field) for field in BODY_FIELDS] + project.city.all_names
            )
            rows.append(
                (
                    project.pk,
                    SEARCH_CONFIGS[project.content_language],
                    project.title,
                    summary,
                    body,
                    fold(" ".join([project.title, summary, body])),
                )
            )
        with connection.cursor() as cursor:
            execute_values(
                cursor.cursor if hasattr(cursor, "cursor") else cursor,
                "UPDATE projects_project AS p SET search_text = v.text, search_vector = "
                "setweight(to_tsvector(v.config::regconfig, COALESCE(v.title, '')), 'A') || "
                "setweight(to_tsvector(v.config::regconfig, COALESCE(v.summary, '')), 'B') || "
                "setweight(to_tsvector(v.config::regconfig, COALESCE(v.body, '')), 'C') "
                "FROM (VALUES %s) AS v (id, config, title, summary, body, text) WHERE p.id = v.id",
                rows,
            )
        log(f"projects {start + size}/{count}")
    spread_dates("projects_project", "created_at", 3 * 365)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE projects_project SET updated_at = created_at")


def make_comments(rng: random.Random, count: int) -> None:
    from accounts.models import User
    from projects.models import Comment, Project

    project_ids = list(Project.objects.values_list("pk", flat=True))
    user_ids = list(User.objects.values_list("pk", flat=True))
    if not project_ids or not user_ids:
        return
    for start, size in batches(count):
        Comment.objects.bulk_create(
            Comment(
                project_id=rng.choice(project_ids),
                author_id=rng.choice(user_ids),
                body=paragraph(rng, rng.randint(1, 3)),
                content_language=rng.choice(["en", "fr", "sv"]),
            )
            for _ in range(size)
        )
        if (start // BATCH) % 20 == 0 or start + size == count:
            log(f"comments {start + size}/{count}")
    spread_dates("projects_comment", "created_at", 3 * 365)


def make_events(rng: random.Random, count: int) -> None:
    from django.utils import timezone

    from accounts.models import User
    from cities.models import City
    from core.enums import Visibility
    from events.enums import EventKind, EventState
    from events.models import Event
    from themes.models import Theme

    cities = list(City.objects.order_by("pk"))
    themes = list(Theme.objects.order_by("pk"))
    user_ids = list(User.objects.values_list("pk", flat=True))
    now = timezone.now()
    for start, size in batches(count):
        events = []
        for index in range(size):
            number = start + index
            starts_at = now + datetime.timedelta(
                days=rng.randint(-1000, 200), hours=rng.randint(0, 23)
            )
            events.append(
                Event(
                    kind=rng.choice(EventKind.values),
                    title=f"{sentence(rng, rng.randint(3, 6))[:-1]} {number}",
                    slug=f"bench-event-{number}",
                    description=paragraph(rng, 3),
                    content_language=rng.choice(["en", "fr", "sv"]),
                    starts_at=starts_at,
                    ends_at=starts_at + datetime.timedelta(hours=rng.randint(1, 8)),
                    host_city=rng.choice(cities),
                    state=EventState.PUBLISHED if number % 10 else EventState.DRAFT,
                    visibility=Visibility.MEMBERS if number % 7 == 0 else Visibility.PUBLIC,
                    capacity=rng.choice([None, 20, 50, 200]),
                    created_by_id=rng.choice(user_ids) if user_ids else None,
                )
            )
        events = Event.objects.bulk_create(events)
        Event.themes.through.objects.bulk_create(
            Event.themes.through(event_id=event.pk, theme_id=theme.pk)
            for event in events
            for theme in rng.sample(themes, rng.randint(0, 2))
        )
        Event.cities.through.objects.bulk_create(
            Event.cities.through(event_id=event.pk, city_id=city.pk)
            for event in events
            for city in rng.sample(cities, rng.randint(0, 3))
        )
    log(f"{count} events")


def make_questions(rng: random.Random, count: int) -> None:
    from django.utils import timezone

    from accounts.models import User
    from cities.models import City
    from core.enums import Visibility
    from questions.models import Answer, Question
    from themes.models import Theme

    cities = list(City.objects.order_by("pk"))
    themes = list(Theme.objects.order_by("pk"))
    user_ids = list(User.objects.values_list("pk", flat=True))
    if not user_ids:
        return
    for start, size in batches(count):
        questions = []
        for index in range(size):
            number = start + index
            closed = number % 4 == 0
            questions.append(
                Question(
                    city=rng.choice(cities),
                    author_id=rng.choice(user_ids),
                    title=f"How do you handle {' '.join(rng.sample(WORDS, 4))} {number}?",
                    slug=f"bench-question-{number}",
                    context=paragraph(rng, 2),
                    content_language=rng.choice(["en", "fr", "sv"]),
                    visibility=Visibility.MEMBERS if number % 9 == 0 else Visibility.PUBLIC,
                    closed_at=timezone.now() if closed else None,
                    summary=paragraph(rng, 1) if closed else "",
                )
            )
        questions = Question.objects.bulk_create(questions)
        Question.themes.through.objects.bulk_create(
            Question.themes.through(question_id=question.pk, theme_id=theme.pk)
            for question in questions
            for theme in rng.sample(themes, rng.randint(1, 2))
        )
        Answer.objects.bulk_create(
            Answer(
                question=question,
                author_id=rng.choice(user_ids),
                city=rng.choice(cities),
                body=paragraph(rng, rng.randint(1, 4)),
                content_language=rng.choice(["en", "fr", "sv"]),
            )
            for question in questions
            for _ in range(rng.randint(0, 3))
        )
    spread_dates("questions_question", "created_at", 3 * 365)
    log(f"{count} questions")


def check_index(sample: int = 3) -> None:
    """The bulk search data equals what the service stores (index_project on a few projects)."""
    from projects.models import Project
    from projects.search import index_project

    for project in Project.objects.order_by("?")[:sample]:
        before = (project.search_text, str(project.search_vector))
        index_project(project)
        project.refresh_from_db(fields=["search_text", "search_vector"])
        after = (project.search_text, str(project.search_vector))
        if before != after:
            raise SystemExit(f"bulk search data differs from index_project's for {project.pk}")


def generate(options) -> None:
    from django.core.management import call_command
    from django.db import connection

    signature = (
        f"bench projects={options.projects} comments={options.comments} users={options.users} "
        f"events={options.events} questions={options.questions} seed={options.seed}"
    )
    ensure_database(options.database_url)
    setup_django(options.database_url)
    stored = stored_signature()
    if stored == signature and not options.fresh:
        log(f"database already holds: {signature}")
        call_command("migrate", verbosity=0, interactive=False)  # the portal may have moved on
        call_command("refresh_list_summaries", verbosity=0)
        from projects.models import ProjectMatch

        if not ProjectMatch.objects.exists():  # data made before the matches were stored
            call_command("compute_matches", verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        return
    if not stored.startswith("bench") and connection.introspection.table_names():
        raise SystemExit(
            f"{connection.settings_dict['NAME']} was not made by the benchmark: "
            "give another --database-url, or --fresh to drop it"
        )
    if stored or options.fresh:
        connection.close()
        drop_database(options.database_url)
        ensure_database(options.database_url)
    started = time.monotonic()
    store_signature(f"bench (unfinished) {signature}")
    call_command("migrate", verbosity=0, interactive=False)
    log("migrated")
    rng = random.Random(options.seed)
    make_users(rng, options.users)
    make_projects(rng, options.projects)
    make_comments(rng, options.comments)
    make_events(rng, options.events)
    make_questions(rng, options.questions)
    check_index()
    summaries_started = time.monotonic()
    call_command("refresh_list_summaries", verbosity=0)
    log(f"list summaries in {time.monotonic() - summaries_started:.1f} s")
    matches_started = time.monotonic()
    from projects.matching import compute_all_matches

    log(
        f"peer matches of {compute_all_matches()} projects computed in "
        f"{time.monotonic() - matches_started:.0f} s"
    )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    store_signature(signature)
    log(f"generated in {time.monotonic() - started:.0f} s: {signature}")


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=2_000)
    parser.add_argument("--events", type=int, default=2_000)
    parser.add_argument("--questions", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fresh", action="store_true", help="make the data again")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL") or DEFAULT_URL
    )
    return parser


if __name__ == "__main__":
    generate(parser().parse_args())
