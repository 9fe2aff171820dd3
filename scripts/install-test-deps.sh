#!/usr/bin/env bash
# Installs what the tests need beyond the JDK and Maven, when it is missing:
#  - Chromium and ChromeDriver at /usr/bin/chromium and /usr/bin/chromedriver for the browser tests: Debian's
#    packages, or on Ubuntu (GitHub's runners, whose chromium package is only a snap) a Chrome and its driver that
#    are already there, linked to those paths (CHROME_BIN / CHROMEDRIVER_BIN, e.g. from browser-actions/setup-chrome,
#    or google-chrome and the runner's $CHROMEWEBDRIVER);
#  - Compose to validate docker-compose.yml offline: Debian's docker-compose (1.29), or an installed `docker compose`;
#  - promtool (Debian's/Ubuntu's prometheus package) for the alert rules' `promtool check rules` test, and caddy for
#    ComposeFileTests' `caddy adapt` of docker/caddy/Caddyfile (neither daemon is started: policy-rc.d below);
#  - fontconfig and DejaVu fonts, which the bot's charts (XChart on headless AWT) draw Cyrillic with;
#  - Noto Color Emoji, so the sandbox page's buttons (📢 👁 🔄) render in the browser tests and README screenshots;
#  - libtdjson.so (TDLib 1.8.67, from npm) for the userbot's TDLib checks.
# Idempotent and quick: when everything is there it only looks (no apt-get, no network).
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"

# A Chrome and driver that exist elsewhere (Ubuntu runners) are linked where the tests look for them.
link_existing_chrome() {
  local chrome="${CHROME_BIN:-}" driver="${CHROMEDRIVER_BIN:-}"
  [ -n "$chrome" ] || chrome="$(command -v google-chrome || command -v google-chrome-stable || command -v chrome || true)"
  if [ -z "$driver" ]; then
    if [ -n "${CHROMEWEBDRIVER:-}" ] && [ -x "$CHROMEWEBDRIVER/chromedriver" ]; then
      driver="$CHROMEWEBDRIVER/chromedriver"
    else
      driver="$(command -v chromedriver || true)"
    fi
  fi
  if [ -n "$chrome" ] && [ -x "$chrome" ] && [ -n "$driver" ] && [ -x "$driver" ]; then
    # Both from the same place: a browser and a driver of different versions do not talk.
    echo "install-test-deps | using $chrome and $driver as /usr/bin/chromium and /usr/bin/chromedriver"
    $sudo ln -sf "$chrome" /usr/bin/chromium
    $sudo ln -sf "$driver" /usr/bin/chromedriver
  fi
}

has_compose() {
  command -v docker-compose >/dev/null || { command -v docker >/dev/null && docker compose version >/dev/null 2>&1; }
}

if [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/chromium ]; then
  link_existing_chrome
fi

packages=()
if [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/chromium ]; then packages+=(chromium chromium-driver); fi
has_compose || packages+=(docker-compose)
command -v promtool >/dev/null || packages+=(prometheus)
command -v caddy >/dev/null || packages+=(caddy)
command -v fc-list >/dev/null || packages+=(fontconfig)
[ -d /usr/share/fonts/truetype/dejavu ] || packages+=(fonts-dejavu-core)
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || packages+=(fonts-noto-color-emoji)

if [ "${#packages[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null && { [ -z "$sudo" ] || sudo -n true 2>/dev/null; }; then
    echo "install-test-deps | installing ${packages[*]}"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # --no-install-recommends: prometheus would bring its exporters; only promtool is used. policy-rc.d keeps the
    # prometheus and caddy packages from starting their daemons where a service manager exists.
    policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      policy=/usr/sbin/policy-rc.d
      printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy"
    fi
    status=0
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null || status=$?
    [ -z "$policy" ] || $sudo rm -f "$policy"
    [ "$status" -eq 0 ] || { echo "install-test-deps | apt-get install ${packages[*]} failed" >&2; exit "$status"; }
  else
    echo "install-test-deps | missing: run 'sudo apt-get install ${packages[*]}'" >&2
    exit 1
  fi
fi

if [ -x scripts/fetch-tdlib.sh ]; then
  scripts/fetch-tdlib.sh
fi
