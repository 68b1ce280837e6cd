#!/usr/bin/env bash
# The whole test suite, in the order a failure is cheapest to find. Run through scripts/with-toolchain.sh --engine
# (npm test does), which provides Node 22, the dependencies and the Pulumi engine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n=== %s\n' "$*"; }
# Every Node.js process of the run (mocha, the CLI under test, the engine's provider and language-host processes)
# reuses compiled code: a warm run loads TypeScript, @pulumi/pulumi and the package faster.
export NODE_COMPILE_CACHE="$PWD/.work/node-compile-cache"

step "build (tsc -p tsconfig.build.json)"
npx tsc -p tsconfig.build.json
step "typecheck (strict, every folder)"
npx tsc -p tsconfig.json --noEmit
npx tsc -p examples
step "lint"
npx eslint .
step "format check"
npx prettier --check . >/dev/null && echo "all files formatted"
step "unit tests"
npx mocha 'test/unit/**/*.spec.ts'
# The integration and contract tiers mostly wait (loopback I/O, request timeouts, retry backoffs) and the engine tier
# waits on the engine's processes, so on 2 cores the two run side by side. Each side's output is buffered and printed
# in order (integration and contract first, then the engine and live tiers, followed as they run); the run fails if
# either side fails.
logs="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$logs"' EXIT
(
    step "integration tests (emulators over loopback)"
    npx mocha 'test/integration/**/*.spec.ts'
    step "contract tests (SDK requests and emulator responses against the vendor's PingOne OpenAPI)"
    npx mocha 'test/contract/**/*.spec.ts'
) >"$logs/integration.log" 2>&1 &
integration=$!
(
    step "engine tests (real pulumi, file backend)"
    npx mocha 'test/engine/**/*.spec.ts'
    step "live acceptance suite (against the emulators as if remote; docs/live-testing.md)"
    npx mocha 'test/live/**/*.spec.ts'
) >"$logs/engine.log" 2>&1 &
engine=$!

integration_status=0
wait "$integration" || integration_status=$?
cat "$logs/integration.log"
tail --pid="$engine" -n +1 -f "$logs/engine.log"
engine_status=0
wait "$engine" || engine_status=$?
if [ "$integration_status" -ne 0 ] || [ "$engine_status" -ne 0 ]; then
    printf '\nFAILED: integration/contract exit %s, engine/live exit %s\n' "$integration_status" "$engine_status"
    exit 1
fi
