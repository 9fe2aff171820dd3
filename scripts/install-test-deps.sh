#!/usr/bin/env bash
# Installs what the tests need beyond the JDK and Maven, when it is missing:
#  - Chromium and ChromeDriver (Debian packages) for the browser tests;
#  - libtdjson.so (TDLib 1.8.67, from npm) for the userbot's TDLib checks.
# Idempotent: a second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "install-test-deps | installing chromium and chromium-driver (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "install-test-deps | chromium/chromedriver missing: run 'sudo apt-get install chromium chromium-driver'" >&2
    exit 1
  fi
fi

if [ -x scripts/fetch-tdlib.sh ]; then
  scripts/fetch-tdlib.sh
fi
