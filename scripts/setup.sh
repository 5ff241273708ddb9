#!/bin/sh
# Set up what building and testing need, once per machine or lock file change:
#   - Chromium: $PUPPETEER_EXECUTABLE_PATH, else the system's, else (as root with apt) Debian's
#     chromium; where none of those exists, puppeteer downloads its own browser during npm ci.
#   - poppler-utils (pdftotext, pdffonts: the tests read PDFs back with them) and, for the DOCX
#     tests, LibreOffice; installed with apt where we can, otherwise reported.
#   - node_modules, from package-lock.json (npm ci), and the compiled command line (dist/).
# Usage: scripts/setup.sh [--with-test-tools]
set -eu
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }
system_chromium() {
  for c in "${PUPPETEER_EXECUTABLE_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome-stable /usr/bin/google-chrome; do
    [ -n "$c" ] && [ -x "$c" ] && { echo "$c"; return 0; }
  done
  return 1
}
can_apt() { have apt-get && [ "$(id -u)" = 0 ]; }

missing=""
lean=""   # installed without recommends (LibreOffice's recommends are large and not needed headless)
system_chromium >/dev/null || missing="$missing chromium"
if [ "${1:-}" = "--with-test-tools" ]; then
  have pdftotext || missing="$missing poppler-utils"
  have soffice || lean="$lean libreoffice-writer"
fi
if [ -n "$missing$lean" ]; then
  if can_apt; then
    echo "setup: installing$missing$lean (apt)"
    apt-get update -qq
    [ -z "$missing" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    [ -z "$lean" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $lean >/dev/null
  else
    echo "setup: missing$missing$lean; install them (Debian: apt-get install$missing$lean)." >&2
    echo "setup: without a system Chromium, npm ci downloads puppeteer's own browser." >&2
  fi
fi

# A browser on the machine means puppeteer need not download one (and here it cannot).
if system_chromium >/dev/null; then
  export PUPPETEER_SKIP_DOWNLOAD=1
fi
if [ ! -f node_modules/.setup-stamp ] || [ package-lock.json -nt node_modules/.setup-stamp ]; then
  npm ci --no-audit --no-fund
  touch node_modules/.setup-stamp
fi
# The command line runs compiled (bin/compile.js: src/ → dist/); only when src/ changed since.
node bin/compile.js
