# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-browser test-services test-topology lint messages gettext pango clean bench bench-smoke

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[dev]"
	touch $(STAMP)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

messages: $(STAMP)
	$(BIN)/python tools/compile_messages.py

# The translation test extracts messages with GNU gettext: install it when we can.
gettext:
	@command -v xgettext >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && apt-get install -y -qq gettext >/dev/null; } \
	  || { echo "make test needs GNU gettext (apt-get install gettext)"; exit 1; }

# WeasyPrint (partner sheets as PDF) draws text with Pango: install it when we can.
pango:
	@ldconfig -p | grep -q libpango-1.0 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 \
	  fonts-dejavu-core >/dev/null; } \
	  || { echo "the portal needs Pango (apt-get install libpango-1.0-0 libpangoft2-1.0-0)"; exit 1; }

run: $(STAMP) messages pango
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(STAMP) messages gettext pango
	env -u DATABASE_URL $(BIN)/python manage.py makemigrations --check --dry-run --settings=alliance_portal.settings_test
	$(BIN)/pytest -n 2 -p no:cacheprovider

test-browser: $(STAMP) messages node_modules/.installed
	$(BIN)/pytest -m browser -p no:cacheprovider tests/browser

# A real Celery worker on the local Redis (database 5) and PostgreSQL (DATABASE_URL).
test-services: $(STAMP) messages
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/alliance_services} \
	  $(BIN)/pytest -m services -p no:cacheprovider tests/services

# The production topology on the loopback: two gunicorn app servers, a Celery worker, an
# S3-compatible object store (moto), the local Redis (databases 6, 7) and PostgreSQL.
test-topology: $(STAMP) messages
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/alliance_topology_ci} \
	  $(BIN)/pytest -m topology -p no:cacheprovider tests/topology

# The benchmark (README): data made with the portal's models in its own PostgreSQL database,
# the portal under gunicorn with production settings, each main page against a bare view.
PROJECTS ?= 100000
COMMENTS ?= 1000000
USERS ?= 2000
EVENTS ?= 2000
QUESTIONS ?= 5000
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/alliance_bench
BENCH_OPTIONS ?= --requests 50 --seconds 5 --concurrency 8

bench: $(STAMP) messages
	$(BIN)/python -m bench.generate --database-url $(BENCH_DATABASE_URL) --projects $(PROJECTS) \
	  --comments $(COMMENTS) --users $(USERS) --events $(EVENTS) --questions $(QUESTIONS)
	$(BIN)/python -m bench.run --database-url $(BENCH_DATABASE_URL) $(BENCH_OPTIONS)

# The same, small and short, in CI: it keeps the benchmark working (no timing is checked).
bench-smoke: PROJECTS = 1000
bench-smoke: COMMENTS = 5000
bench-smoke: USERS = 100
bench-smoke: EVENTS = 50
bench-smoke: QUESTIONS = 100
bench-smoke: BENCH_DATABASE_URL = postgres://postgres@127.0.0.1:5432/alliance_bench_smoke
bench-smoke: BENCH_OPTIONS = --requests 2 --seconds 0.2 --concurrency 4 --warmup 0
bench-smoke: bench

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) node_modules db.sqlite3 db.sqlite3-wal db.sqlite3-shm media
