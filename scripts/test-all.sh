#!/usr/bin/env bash
# `npm test`: every test, on a fresh machine of this kind. Installs what it needs (Debian packages, the
# Docker engine and fixture images from shared/engine, Chromium, npm dependencies), then runs lint,
# typecheck, Vitest against the real engine, the build, and Playwright e2e through the headless bridge.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED_ENGINE=${BERTH_SHARED_DIR:-../shared}/engine
step() { printf '\n==> %s (%ss)\n' "$1" "$SECONDS"; }

step "system packages"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install it (Debian: apt-get install chromium) and run again" >&2
    exit 1
  fi
fi

# docker-compose v1 (Debian's 1.29.2) starts the compose project of e2e/compose-logs.spec.ts.
if ! command -v docker-compose >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
fi

step "docker engine and fixture images"
if [ -x "$SHARED_ENGINE/start-engine.sh" ] || [ -f "$SHARED_ENGINE/start-engine.sh" ]; then
  bash "$SHARED_ENGINE/start-engine.sh"
  bash "$SHARED_ENGINE/build-fixtures.sh"
  bash "$SHARED_ENGINE/start-registry.sh"
else
  echo "no shared/engine scripts beside this clone: using the engine on /var/run/docker.sock as it is" >&2
fi

step "npm dependencies"
node -e "import('./scripts/lib.mjs').then((m) => m.ensureDependencies())"

step "lint"
npx eslint .
step "typecheck"
npx tsc --noEmit -p tsconfig.json
step "unit and engine tests (vitest)"
npx vitest run
step "build"
npx electron-vite build
step "end-to-end tests (playwright)"
npx playwright test
step "done"
