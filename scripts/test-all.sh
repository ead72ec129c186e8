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
# The random-interaction soak runs among them at full length (1,000 actions, about 10 minutes on 2 cores; the whole browser suite about 32, one test at a time in CI);
# SOAK_SEED and SOAK_ACTIONS from the environment change it (tests/browser/soak/config.ts).
npm run --silent test:browser
