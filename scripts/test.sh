#!/usr/bin/env bash
# The whole test suite, in the order a failure is cheapest to find. Run through scripts/with-toolchain.sh --engine
# (npm test does), which provides Node 22, the dependencies and the Pulumi engine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n=== %s\n' "$*"; }

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
step "integration tests (emulators over loopback)"
npx mocha 'test/integration/**/*.spec.ts'
step "contract tests (SDK requests and emulator responses against the vendor's PingOne OpenAPI)"
npx mocha 'test/contract/**/*.spec.ts'
step "engine tests (real pulumi, file backend)"
npx mocha 'test/engine/**/*.spec.ts'
step "live acceptance suite (against the emulators as if remote; docs/live-testing.md)"
npx mocha 'test/live/**/*.spec.ts'
