#!/usr/bin/env bash
# Runs a command with the project's toolchain, installing what is missing first (idempotent):
#   - Node.js >= 22: the `node` on PATH if new enough, else the npm package node@22 in .tools/node (git-ignored);
#   - the project's npm dependencies (npm ci when node_modules is missing or older than package-lock.json);
#   - with --engine: the Pulumi CLI from PATH when it is at least the pinned minimum, else one built from the Go
#     module proxy by scripts/engine/build.sh into a cache outside the repository;
#   - offline Pulumi settings: no update check, no plugin downloads, a file backend and PULUMI_HOME under .work/,
#     a passphrase for test stacks.
# Usage: scripts/with-toolchain.sh [--engine] <command> [args...]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
need_engine=false
if [ "${1:-}" = "--engine" ]; then
    need_engine=true
    shift
fi
min_pulumi="3.216.0" # read() returning inputs (drift on refresh) needs 3.216

log() { echo "toolchain: $*" >&2; }
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if command -v node >/dev/null 2>&1 && [ "$(node_major node)" -ge 22 ]; then
    :
else
    tools="$repo/.tools/node"
    if [ ! -x "$tools/node_modules/.bin/node" ] || [ "$(node_major "$tools/node_modules/.bin/node")" -lt 22 ]; then
        log "Node.js 22 not found; installing the npm package node@22 into .tools/node"
        mkdir -p "$tools"
        [ -f "$tools/package.json" ] || echo '{ "private": true }' >"$tools/package.json"
        (cd "$tools" && npm install --no-audit --no-fund --loglevel=error node@22 >&2)
    fi
    export PATH="$tools/node_modules/.bin:$PATH"
fi

if [ ! -f "$repo/node_modules/.package-lock.json" ] || [ "$repo/package-lock.json" -nt "$repo/node_modules/.package-lock.json" ]; then
    log "installing npm dependencies (npm ci)"
    (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
# Dynamic providers load this package by name at run time (see sdk/dynamic/providerShim.ts): make the checkout
# resolvable by its own name, as it is in a user's node_modules.
package_name="$(node -p 'require(process.argv[1]).name' "$repo/package.json")"
if [ ! -e "$repo/node_modules/$package_name" ]; then
    ln -s .. "$repo/node_modules/$package_name"
fi

export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_HOME="$repo/.work/pulumi-home"
export PULUMI_BACKEND_URL="file://$repo/.work/backend"
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:-docuware-pingone-test-stacks}"
mkdir -p "$PULUMI_HOME" "$repo/.work/backend"

summary="node $(node --version) ($(command -v node))"
if $need_engine; then
    engine_source=""
    if command -v pulumi >/dev/null 2>&1; then
        found="$(pulumi version 2>/dev/null | sed 's/^v//')"
        if version_at_least "${found%%-*}" "$min_pulumi"; then
            engine_source="from PATH"
        else
            log "ignoring pulumi $found on PATH: this project needs $min_pulumi or newer"
        fi
    fi
    if [ -z "$engine_source" ]; then
        read -r cache_bin engine_source < <("$repo/scripts/engine/build.sh")
        [ -n "${cache_bin:-}" ] || exit 1
        export PATH="$cache_bin:$PATH"
    fi
    summary="$summary · pulumi $(pulumi version) ($(command -v pulumi), $engine_source)"
fi
log "$summary"
exec "$@"
