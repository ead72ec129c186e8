#!/usr/bin/env bash
# The whole test suite: type checks, engine and unit tests (with the PyTorch reference cases),
# then the browser tests against the built site under a non-root base path.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-browser.sh
echo "== type check"
npm run --silent check
echo "== unit, property and reference tests"
npm run --silent test:unit
echo "== browser tests (built site under a non-root base path)"
npm run --silent test:browser
