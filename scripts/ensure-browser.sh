#!/usr/bin/env bash
# Make sure a Chromium that Playwright can drive is present.
# Debian/Ubuntu with apt: install the distribution's chromium (Playwright's own download is not
# possible on machines without general network access). Elsewhere: Playwright's own Chromium.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  echo "Installing Debian's chromium for the browser tests..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No /usr/bin/chromium and no apt: installing Playwright's own Chromium..."
npx playwright install chromium
