#!/bin/sh
# `make test` runs this first: the browser tests need Chromium, and a fresh machine has none.
# When it is missing: Debian's package when we are root and have apt-get, else Playwright's
# own build (into ~/.cache/ms-playwright, found by tests/browser.py); otherwise fail with
# what to do. The browser tests never skip, so without a browser `make test` must not pass.
set -eu

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
PYTHON="${PYTHON:-.venv/bin/python}"

[ -f "$CHROMIUM" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $CHROMIUM: installing Debian's package (apt-get install chromium)" >&2
  if DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
    [ -f "$CHROMIUM" ] && exit 0
  fi
fi

if [ -x "$PYTHON" ]; then
  echo "Chromium not found at $CHROMIUM: installing Playwright's Chromium" >&2
  if "$PYTHON" -m playwright install chromium >&2; then
    exit 0
  fi
fi

echo "Chromium not found at $CHROMIUM: install it with \`apt-get install -y chromium\` (browser tests never skip)" >&2
exit 1
