# Two entry points for people: `make run` and `make test`. Both create and reuse .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DIST_STAMP := $(VENV)/.installed-dist

.PHONY: run test lint bench screenshots screenshots-x test-x dist dist-check clean
.PHONY: dist-windows dist-check-windows test-windows test-windows-all

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The build tools (PyInstaller, Pillow) only for `make dist`, into the same .venv.
$(DIST_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	touch $(DIST_STAMP)

run: $(STAMP)
	$(BIN)/rbdesk $(FILE)

test: $(STAMP)
	$(BIN)/ruff check rbdesk tests bench packaging
	$(BIN)/ruff format --check rbdesk tests bench packaging
	$(BIN)/mypy rbdesk
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen RBDESK_TODAY=2024-06-14 $(BIN)/python -m rbdesk.ui.screenshots docs

# The real window as `rbdesk FILE` opens it the first time, on a real X server with a window
# manager (Xvfb + openbox, at 1366x768 and 1280x720; needs xvfb, openbox, xdotool, x11-utils and
# imagemagick: .ci/run installs them) -> docs/jendela-x-*.png.
screenshots-x: $(STAMP)
	$(BIN)/python tests/x_office.py docs

# Only the checks on a real X server with a window manager (Xvfb + openbox; part of `make test`
# too): the first window's frame, the keyboard, the cramped office screen and the big dialogs
# (merge, print preview, import). Their pictures of the screen go to RBDESK_X_SHOTS (default:
# pytest's temporary folder).
test-x: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s tests/ui/test_window_on_x.py \
		tests/ui/test_window_checks_on_x.py

# The frozen one-folder application in dist/rbdesk/ (packaging/rbdesk.spec) and the portable zip.
dist: $(DIST_STAMP)
	$(BIN)/python packaging/build.py --zip

# Runs the FROZEN programs in dist/rbdesk/, not the source: see packaging/dist_check.py.
dist-check: $(DIST_STAMP)
	$(BIN)/python packaging/dist_check.py

# The Windows program built on Linux under wine (packaging/windows/wine.py; needs wine, wine32,
# Xvfb, openbox, x11-utils, mingw-w64, xdotool, imagemagick and npm: .ci/run installs them): the embeddable
# CPython and win_amd64 wheels, hash-pinned, PyInstaller and ISCC under wine -> dist/windows/.
dist-windows: $(STAMP)
	$(BIN)/python packaging/windows/wine.py build

# Installs dist/windows/'s setup in a fresh wine prefix on Xvfb and runs what an office PC would.
dist-check-windows: $(STAMP)
	$(BIN)/python packaging/windows/wine.py check

# The unit and command-line tests on the Windows interpreter, under wine. test-windows (in CI):
# the part Windows can break - paths and file names, storage, locking, backups, exports, import
# and the command line (WINDOWS_TESTS in packaging/windows/check_office.py). test-windows-all
# (locally): all of tests/unit and tests/cli, about four times as long.
test-windows: $(STAMP)
	$(BIN)/python packaging/windows/wine.py test

test-windows-all: $(STAMP)
	$(BIN)/python packaging/windows/wine.py test --all

clean:
	rm -rf $(VENV) build dist *.egg-info
