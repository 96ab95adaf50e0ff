"""The benchmark's query-plan report flags the sequential scans whose cost grows with a table."""

from bench.explain import is_read, unbounded_scans

PLAN = """Aggregate  (cost=7449.17..7449.18 rows=1 width=8)
  ->  Nested Loop  (cost=955.71..7446.92 rows=900 width=0)
        ->  HashAggregate  (cost=955.30..965.30 rows=1000 width=8)
              ->  Limit  (cost=0.00..942.80 rows=1000 width=8)
                    ->  Seq Scan on projects_project u0  (cost=0.00..83256.49 rows=88308)
                          Filter: (deleted_at IS NULL)
        ->  Seq Scan on projects_comment  (cost=0.42..6.54 rows=1 width=8)
"""


def test_a_scan_a_limit_stops_is_not_flagged_but_a_whole_scan_is():
    assert unbounded_scans(PLAN) == ["projects_comment"]


def test_a_top_level_scan_is_flagged():
    assert unbounded_scans("Seq Scan on projects_project  (cost=0.00..1.00 rows=1)") == [
        "projects_project"
    ]


def test_a_scan_below_a_sort_below_a_limit_is_flagged():
    plan = """Limit  (cost=1..2 rows=6)
  ->  Sort  (cost=1..2 rows=90000)
        ->  Seq Scan on projects_project  (cost=0.00..82286.80 rows=90000)
"""
    assert unbounded_scans(plan) == ["projects_project"]


def test_selects_and_reading_common_table_expressions_are_explained():
    assert is_read('SELECT "id" FROM "projects_project"')
    assert is_read("WITH m (id) AS MATERIALIZED (SELECT 1) SELECT COUNT(*) FROM m")
    assert not is_read("WITH m AS (DELETE FROM projects_project RETURNING id) SELECT * FROM m")
    assert not is_read('UPDATE "projects_project" SET "title" = %s')
