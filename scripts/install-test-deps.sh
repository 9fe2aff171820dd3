#!/usr/bin/env bash
# Installs what the tests need beyond the JDK and Maven, when it is missing:
#  - Chromium and ChromeDriver (Debian packages) for the browser tests;
#  - docker-compose (Debian's 1.29) to validate docker-compose.yml offline;
#  - fontconfig and DejaVu fonts, which the bot's charts (XChart on headless AWT) draw Cyrillic with;
#  - Noto Color Emoji, so the sandbox page's buttons (📢 👁 🔄) render in the browser tests and README screenshots;
#  - libtdjson.so (TDLib 1.8.67, from npm) for the userbot's TDLib checks.
# Idempotent: a second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/chromium ] || ! command -v docker-compose >/dev/null \
    || ! command -v fc-list >/dev/null || [ ! -d /usr/share/fonts/truetype/dejavu ] \
    || [ ! -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  if command -v apt-get >/dev/null && { [ -z "$sudo" ] || sudo -n true 2>/dev/null; }; then
    echo "install-test-deps | installing chromium, chromium-driver, docker-compose and fonts (DejaVu, Noto Color Emoji) (Debian packages)"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver docker-compose fontconfig fonts-dejavu-core fonts-noto-color-emoji >/dev/null
  else
    echo "install-test-deps | missing: run 'sudo apt-get install chromium chromium-driver docker-compose fontconfig fonts-dejavu-core fonts-noto-color-emoji'" >&2
    exit 1
  fi
fi

if [ -x scripts/fetch-tdlib.sh ]; then
  scripts/fetch-tdlib.sh
fi
