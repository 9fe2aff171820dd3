#!/usr/bin/env bash
# Re-creates the README screenshots in docs/screenshots/: the bot on telegram-sandbox with a seeded room,
# the sandbox's web page in headless Chromium (ReadmeScreenshots, not part of the default test run).
# Needs /usr/bin/chromium and /usr/bin/chromedriver, and an emoji font for the buttons:
#   apt-get install -y chromium chromium-driver fonts-noto-color-emoji
# Extra Maven options can be passed, e.g. scripts/readme-screenshots.sh -Dmaven.repo.local=/tmp/m2
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bot-service -am verify -DskipITs \
  -Dtest=ReadmeScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsmetabot.screenshots=true -Dsmetabot.screenshots.dir="$PWD/docs/screenshots" "$@"
ls -l docs/screenshots/*.png
