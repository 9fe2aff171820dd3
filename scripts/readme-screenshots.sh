#!/usr/bin/env bash
# Re-creates the README screenshots in docs/screenshots/, both in headless Chromium on the sandbox's web page:
#  - walk-*.png: local-suite's PageWalkTests, the seed's Test 1-3 clicked through the page against the suite as
#    ./run-local starts it (owner signs in in the Mini App, room, file, link, client views, card, members, worker);
#  - channel-card.png (with acknowledgements), acknowledgements.png, members.png, chart.png: bot-service's
#    ReadmeScreenshots, a room with weeks of history (not part of the default test run);
#  - members-chart.png: bot-service's MembersChartTests writes the members chart of three weeks of joins and leaves.
# Needs /usr/bin/chromium, /usr/bin/chromedriver and an emoji font (scripts/install-test-deps.sh installs them):
#   apt-get install -y chromium chromium-driver fonts-noto-color-emoji
# Extra Maven options can be passed, e.g. scripts/readme-screenshots.sh -Dmaven.repo.local=/tmp/m2
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bot-service -am verify -DskipITs \
  -Dtest='ReadmeScreenshots,MembersChartTests' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsmetabot.screenshots=true -Dsmetabot.screenshots.dir="$PWD/docs/screenshots" "$@"
./mvnw -B -q -pl local-suite -am verify -DskipITs \
  -Dtest=PageWalkTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsmetabot.screenshots=true -Dsmetabot.screenshots.dir="$PWD/docs/screenshots" "$@"
ls -l docs/screenshots/*.png
