"""The plan of every query of every page, and the sequential scans over large tables.

Each page is requested once in this process (Django's test client, the benchmark's settings and
database, the cache emptied first so that the queries a cache miss runs are the ones seen),
every SELECT (or WITH … SELECT) it ran is explained by PostgreSQL, and a ``Seq Scan`` over a
table holding more than ``LARGE`` rows (by PostgreSQL's statistics) is flagged: such a query
reads the whole table, so its cost grows with the data (unless a Limit right above the scan
stops it early).
"""

import re
from dataclasses import dataclass, field

LARGE = 10_000
SEQ_SCAN = re.compile(r"Seq Scan on (\w+)")


@dataclass
class PagePlans:
    who: str
    page: str
    path: str
    plans: list[tuple[str, str]] = field(default_factory=list)  # (sql, plan)
    flagged: list[tuple[str, str]] = field(default_factory=list)  # (table, sql)


def table_sizes() -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, GREATEST(c.reltuples::bigint, s.n_live_tup) FROM pg_class c "
            "JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relkind = 'r'"
        )
        return dict(cursor.fetchall())


def unbounded_scans(plan: str) -> list[str]:
    """The tables ``plan`` scans sequentially, except a scan a Limit stops (its parent node is
    the Limit: it reads only until it found enough rows)."""
    lines = plan.splitlines()
    tables = []
    for number, line in enumerate(lines):
        found = SEQ_SCAN.search(line)
        if not found:
            continue
        indent = len(line) - len(line.lstrip(" ->"))
        parent = next(
            (
                above.strip(" ->")
                for above in reversed(lines[:number])
                if "->" in above or not above.startswith(" ")
                if len(above) - len(above.lstrip(" ->")) < indent
            ),
            "",
        )
        if not parent.startswith("Limit"):
            tables.append(found.group(1))
    return tables


def explain(sql: str) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def page_plans(who: str, name: str, path: str, member, sizes: dict[str, int]) -> PagePlans:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # sessions too, when they live in the cache: sign in afterwards
    client = Client(HTTP_HOST="127.0.0.1")
    if member is not None:
        client.force_login(member, backend="django.contrib.auth.backends.ModelBackend")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(
            f"{who} {name} {path}: HTTP {response.status_code} {response.get('Location', '')}"
        )
    result = PagePlans(who, name, path)
    for query in captured.captured_queries:
        sql = query["sql"]
        if not is_read(sql):
            continue
        plan = explain(sql)
        result.plans.append((sql, plan))
        for table in unbounded_scans(plan):
            if sizes.get(table, 0) > LARGE:
                result.flagged.append((table, sql))
    return result


def is_read(sql: str) -> bool:
    """Whether ``sql`` only reads, and so may be explained: a SELECT, or a WITH … SELECT (one
    with a data-modifying common table expression would be a write)."""
    text = sql.lstrip().upper()
    if text.startswith("SELECT"):
        return True
    return text.startswith("WITH") and not re.search(r"\b(INSERT|UPDATE|DELETE)\b", text)


def report(pages: list[tuple[str, str, str]], member) -> list[PagePlans]:
    """Plans of ``pages`` ((who, name, path)), ``member`` signed in where who is "member"."""
    sizes = table_sizes()
    return [
        page_plans(who, name, path, member if who == "member" else None, sizes)
        for who, name, path in pages
    ]


def print_report(results: list[PagePlans], *, plans: bool) -> int:
    """Print the plans (when ``plans``) and the flagged scans; return how many were flagged."""
    flagged = 0
    if plans:
        print("## Query plans (cache miss)\n")
        for result in results:
            print(f"### {result.who}: {result.page} ({result.path}), {len(result.plans)} queries\n")
            for number, (sql, plan) in enumerate(result.plans, 1):
                print(f"{number}. {sql}\n")
                print("\n".join(f"    {line}" for line in plan.splitlines()))
                print()
    print(f"## Sequential scans over tables of more than {LARGE:,} rows\n")
    for result in results:
        for table, sql in result.flagged:
            flagged += 1
            print(f"- {result.who} {result.page}: Seq Scan on {table}: {sql[:300]}")
    if not flagged:
        print("None.")
    print()
    return flagged
