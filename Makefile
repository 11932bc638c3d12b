# Closeknit: `make run` and `make test` are the whole set-up.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-fast lint format bench clean

install: $(VENV)/.installed node_modules/.package-lock.json

$(VENV)/.installed: requirements.lock requirements-nodeps.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-nodeps.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# The demo: SQLite in ./data, e-mail to the console, no e-mail verification.
run: install
	HOST=$(HOST) PORT=$(PORT) DEBUG=$${DEBUG:-1} EMAIL_VERIFICATION=$${EMAIL_VERIFICATION:-none} \
		$(BIN)/closeknit dev --host $(HOST) --port $(PORT)

test: install
	$(BIN)/pytest

# Everything but the browser suite, for quick loops while coding.
test-fast: install
	$(BIN)/pytest -m "not browser"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy closeknit

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python benchmarks/coach.py

# Trust at scale (PostgreSQL and Redis on this machine; never part of `make test`).
.PHONY: load faults bench-http bench-queries
load: install
	$(BIN)/python load/run.py

faults: install
	$(BIN)/python load/faults.py

bench-http: install
	$(BIN)/python benchmarks/throughput.py

bench-queries: install
	$(BIN)/python benchmarks/queries.py

# The whole browser suite N times, with each test's pass count (never part of `make test`).
N ?= 10
.PHONY: stress-browser
stress-browser: install
	$(BIN)/python scripts/stress_browser.py $(N)

clean:
	rm -rf $(VENV) node_modules
