# Closeknit: `make run` and `make test` are the whole set-up.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# The browser tests drive Debian's Chromium, or the one CHROMIUM names (tests/browser).
CHROMIUM ?= /usr/bin/chromium
DEBIAN_CHROMIUM := /usr/bin/chromium
APT_GET ?= apt-get

.PHONY: install packages chromium run test test-fast lint format bench clean

# Everything `make test` needs: the Python and npm packages, and Chromium.
install: packages chromium

# What the app itself needs (`make run` and the targets without a browser).
packages: $(VENV)/.installed node_modules/.package-lock.json

# Installed with apt-get when missing and this user can (root, with apt-get);
# otherwise make stops with one line saying what to install. Never skipped in
# silence: the browser tests would fail later instead.
CAN_APT = $(shell [ "$$(id -u)" = 0 ] && command -v $(APT_GET))
chromium:
	@$(if $(wildcard $(CHROMIUM)),:,$(if $(and $(filter $(DEBIAN_CHROMIUM),$(CHROMIUM)),$(CAN_APT)),\
		$(APT_INSTALL),$(error $(MISSING))))

MISSING = Chromium is missing: run `sudo apt-get install chromium` (or set CHROMIUM=/path/to/chromium)
APT_INSTALL = echo "Installing Debian's chromium for the browser tests (apt-get install chromium)"; \
	$(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq chromium \
	&& test -x $(CHROMIUM) || { echo '$(MISSING)' >&2; exit 1; }

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
run: packages
	HOST=$(HOST) PORT=$(PORT) DEBUG=$${DEBUG:-1} EMAIL_VERIFICATION=$${EMAIL_VERIFICATION:-none} \
		$(BIN)/closeknit dev --host $(HOST) --port $(PORT)

test: install
	$(BIN)/pytest

# Everything but the browser suite, for quick loops while coding.
test-fast: packages
	$(BIN)/pytest -m "not browser"

lint: packages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy closeknit

format: packages
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: packages
	$(BIN)/python benchmarks/coach.py

# The coach's weights from corpus/coach (development only, about 40 minutes on
# two cores): MiniLM's top layers tuned with PyTorch (its CPU build, which pip
# takes from this machine's disk), then the heads trained over them.
.PHONY: coach-weights
coach-weights: packages
	$(BIN)/pip install --quiet torch==2.13.0 safetensors==0.8.0
	$(BIN)/python scripts/tune_encoder.py
	$(BIN)/python scripts/train_coach.py

# Trust at scale (PostgreSQL and Redis on this machine; never part of `make test`).
.PHONY: load faults bench-http bench-queries
load: packages
	$(BIN)/python load/run.py

faults: packages
	$(BIN)/python load/faults.py

bench-http: packages
	$(BIN)/python benchmarks/throughput.py

bench-queries: packages
	$(BIN)/python benchmarks/queries.py

# The whole browser suite N times, with each test's pass count (never part of `make test`).
N ?= 10
.PHONY: stress-browser
stress-browser: install
	$(BIN)/python scripts/stress_browser.py $(N)

# Every page for both partners at 390 and 1280 px, into test-output/screenshots/pages/
# (never part of `make test`): open its index.html and look at each one.
.PHONY: screenshots
screenshots: install
	$(BIN)/pytest -q -s tests/browser/screenshots.py

clean:
	rm -rf $(VENV) node_modules
