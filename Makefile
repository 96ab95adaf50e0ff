# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-browser test-services lint messages gettext clean

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

run: $(STAMP) messages
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(STAMP) messages gettext
	env -u DATABASE_URL $(BIN)/python manage.py makemigrations --check --dry-run --settings=alliance_portal.settings_test
	$(BIN)/pytest -n 2 -p no:cacheprovider

test-browser: $(STAMP) messages node_modules/.installed
	$(BIN)/pytest -m browser -p no:cacheprovider tests/browser

# A real Celery worker on the local Redis (database 5) and PostgreSQL (DATABASE_URL).
test-services: $(STAMP) messages
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/alliance_services} \
	  $(BIN)/pytest -m services -p no:cacheprovider tests/services

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) node_modules db.sqlite3 db.sqlite3-wal db.sqlite3-shm media
