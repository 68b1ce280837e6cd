#!/usr/bin/env bash
# The whole test suite. Run through scripts/with-toolchain.sh --engine (npm test does), which provides Node 22, the
# dependencies and the Pulumi engine.
#
# After the build, two sides run at once on the machine's 2 cores: the checks and tiers that are quick or mostly wait
# (typecheck, lint, format, unit, integration over loopback, contract), and the engine and live tiers, which mostly
# wait on the engine's processes and are the critical path. The quick side's output is printed first, in the order a
# failure is cheapest to find; if it fails, the engine side is stopped and the run fails at once.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n=== %s\n' "$*"; }
# Every Node.js process of the run (mocha, the CLI under test, the engine's provider and language-host processes)
# reuses compiled code: a warm run loads TypeScript, @pulumi/pulumi and the package faster.
export NODE_COMPILE_CACHE="$PWD/.work/node-compile-cache"

step "build (tsc -p tsconfig.build.json)"
npx tsc -p tsconfig.build.json

logs="$(mktemp -d)"
# Job control gives each side its own process group, so stopping a side stops the processes it started too.
set -m
trap 'for job in $(jobs -p); do kill -- "-$job" 2>/dev/null || true; done; rm -rf "$logs"' EXIT
(
    step "typecheck (strict, every folder)"
    npx tsc -p tsconfig.json --noEmit
    npx tsc -p examples
    step "lint"
    npx eslint .
    step "format check"
    npx prettier --check . >/dev/null && echo "all files formatted"
    step "unit tests"
    npx mocha 'test/unit/**/*.spec.ts'
    step "integration tests (emulators over loopback)"
    npx mocha 'test/integration/**/*.spec.ts'
    step "contract tests (SDK requests and emulator responses against the vendor's PingOne OpenAPI)"
    npx mocha 'test/contract/**/*.spec.ts'
) >"$logs/quick.log" 2>&1 &
quick=$!
(
    step "engine tests (real pulumi, file backend)"
    npx mocha 'test/engine/**/*.spec.ts'
    step "live acceptance suite (against the emulators as if remote; docs/live-testing.md)"
    npx mocha 'test/live/**/*.spec.ts'
) >"$logs/engine.log" 2>&1 &
engine=$!

quick_status=0
wait "$quick" || quick_status=$?
cat "$logs/quick.log"
if [ "$quick_status" -ne 0 ]; then
    kill -- "-$engine" 2>/dev/null || true
    printf '\nFAILED: typecheck, lint, format, unit, integration or contract (exit %s); engine tests stopped\n' \
        "$quick_status"
    exit 1
fi
tail --pid="$engine" -n +1 -f "$logs/engine.log"
engine_status=0
wait "$engine" || engine_status=$?
if [ "$engine_status" -ne 0 ]; then
    printf '\nFAILED: engine or live tests (exit %s)\n' "$engine_status"
    exit 1
fi
