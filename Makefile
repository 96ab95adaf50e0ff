# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-browser lint messages demo clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

messages: $(STAMP)
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0 --settings=alliance_portal.settings_test

run: $(STAMP) messages
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(STAMP) messages
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=alliance_portal.settings_test
	$(BIN)/pytest -n 2 -p no:cacheprovider

test-browser: $(STAMP) messages node_modules/.installed
	$(BIN)/pytest -m browser -p no:cacheprovider tests/browser

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media
