# One command each for setup, tests, lint and serving. Everything installs into .venv.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: install serve test test-pg lint format system-deps bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# The main job: the web archive on an embedded SQLite database filled with the demo data.
serve: install
	$(BIN)/protokoll demo --serve --addr 127.0.0.1:8000

test: install
	$(BIN)/pytest -q

# The same suite on PostgreSQL (a throwaway database on 127.0.0.1:5432, user postgres).
test-pg: install
	PROTOKOLL_DATABASE_URL=postgres://postgres@127.0.0.1:5432/protokoll_test_$$$$ $(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: install
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

# Debian packages the full suite uses: Chromium for the browser tests (Playwright drives it; no
# browser is downloaded), Pango for WeasyPrint's PDF/A rendering, Tesseract with Swedish for OCR.
# Needs root; without them the affected tests skip and say why.
SYSTEM_PACKAGES = chromium libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core tesseract-ocr tesseract-ocr-swe
system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi

clean:
	rm -rf $(VENV) protokoll.sqlite3*
