#!/usr/bin/env bash
# Fetches libtdjson.so (TDLib 1.8.67, the official JSON interface) into .tdlib/libtdjson.so.
# Source: the npm package @prebuilt-tdlib/linux-<arch>-glibc@0.1008067.0 (x64 or arm64; glibc-linked, no other
# dependency), for this machine's architecture or TDLIB_ARCH (amd64/x86_64 or arm64/aarch64, as Docker's
# TARGETARCH names them: docker/userbot.Dockerfile runs this script).
# Idempotent: does nothing when the library is already there. Never commit the .so (git-ignored).
# Usage: scripts/fetch-tdlib.sh [target-dir]   (default: .tdlib at the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION="0.1008067.0"
ARCH="${TDLIB_ARCH:-}"
[ -n "$ARCH" ] || ARCH="$(uname -m)"
case "$ARCH" in
  amd64|x86_64) PACKAGE="@prebuilt-tdlib/linux-x64-glibc@$VERSION" ;;
  arm64|aarch64) PACKAGE="@prebuilt-tdlib/linux-arm64-glibc@$VERSION" ;;
  *) echo "fetch-tdlib | no prebuilt TDLib for architecture $ARCH (x64 and arm64 exist); build TDLib yourself" >&2; exit 1 ;;
esac
TARGET_DIR="${1:-.tdlib}"
TARGET="$TARGET_DIR/libtdjson.so"

if [ -s "$TARGET" ]; then
  echo "fetch-tdlib | $TARGET already present"
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "fetch-tdlib | npm is needed to fetch $PACKAGE (apt-get install npm), or put libtdjson.so at $TARGET yourself" >&2
  exit 1
fi

mkdir -p "$TARGET_DIR"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "fetch-tdlib | npm pack $PACKAGE"
(cd "$WORK" && npm pack --silent "$PACKAGE" >/dev/null)
tar -xzf "$WORK"/*.tgz -C "$WORK" package/libtdjson.so
mv "$WORK/package/libtdjson.so" "$TARGET.part"
mv "$TARGET.part" "$TARGET"
echo "fetch-tdlib | $TARGET ($(du -h "$TARGET" | cut -f1))"
