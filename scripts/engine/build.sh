#!/usr/bin/env bash
# Builds the Pulumi CLI and this project's Node.js language host from the Go module proxy into a cache folder
# outside the repository, keyed by the pinned Pulumi release, and assembles a bin folder with everything the engine
# runs. Prints "<bin folder> built" or "<bin folder> reused" on stdout; progress goes to stderr.
#
# Usage: scripts/engine/build.sh            (cache: $DWP_ENGINE_CACHE or ~/.cache/pulumi-docuware-pingone/engine)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version="$(awk '$1 == "github.com/pulumi/pulumi/pkg/v3" { print $2; exit }' "$here/go.mod")"
cache_root="${DWP_ENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-docuware-pingone/engine}"
cache="$cache_root/$version"
langhost_hash="$(cat "$here/go.mod" "$here/go.sum" "$here/langhost/main.go" | sha256sum | cut -c1-12)"
bin="$cache/bin-$langhost_hash"

log() { echo "engine: $*" >&2; }

if [ -x "$bin/pulumi" ] && [ -x "$bin/pulumi-language-nodejs" ] && [ -x "$bin/pulumi-resource-pulumi-nodejs" ]; then
    echo "$bin reused"
    exit 0
fi

required_go="$(awk '$1 == "go" { print $2; exit }' "$here/go.mod")"
if ! command -v go >/dev/null 2>&1; then
    log "the Pulumi CLI ($version or newer) is not on PATH and cannot be built here: Go $required_go or newer is missing."
    log "Install the Pulumi CLI (https://www.pulumi.com/docs/iac/download-install/) or Go, then run this again."
    exit 1
fi
have_go="$(go env GOVERSION | sed 's/^go//')"
if [ "$(printf '%s\n%s\n' "$required_go" "$have_go" | sort -V | head -n1)" != "$required_go" ]; then
    log "Go $have_go is too old to build Pulumi $version (needs $required_go). Install the Pulumi CLI or a newer Go."
    exit 1
fi

mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9 # one build at a time; a second caller reuses the first one's result
if [ -x "$bin/pulumi" ] && [ -x "$bin/pulumi-language-nodejs" ]; then
    echo "$bin reused"
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/go.mod" "$here/go.sum" "$here/tools.go" "$work/"
cp -r "$here/langhost" "$work/langhost"
ldflags="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod

# go build -v names each package as it compiles it: turn that into a progress line every 100 packages.
build() {
    local output="$1" package="$2" note="$3" started=$SECONDS count=0 line
    log "building $(basename "$output") $version$note"
    (cd "$work" && go build -v -trimpath -tags osusergo,grpcnotrace -ldflags "$ldflags" -o "$output.tmp" "$package") \
        2>&1 | while IFS= read -r line; do
            echo "$line" >>"$cache/build.log"
            count=$((count + 1))
            if [ $((count % 100)) -eq 0 ]; then log "  $count packages compiled ($((SECONDS - started)) s)"; fi
        done
    if [ "${PIPESTATUS[0]}" -ne 0 ] || [ ! -x "$output.tmp" ]; then
        log "building $(basename "$output") failed; the last lines of $cache/build.log:"
        tail -n 20 "$cache/build.log" >&2
        exit 1
    fi
    mv "$output.tmp" "$output"
    log "built $(basename "$output") in $((SECONDS - started)) s"
}

: >"$cache/build.log"
if [ ! -x "$cache/pulumi" ]; then
    build "$cache/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi " (about 10 minutes on 2 cores)"
fi
mkdir -p "$cache/langhost-$langhost_hash"
if [ ! -x "$cache/langhost-$langhost_hash/pulumi-language-nodejs" ]; then
    build "$cache/langhost-$langhost_hash/pulumi-language-nodejs" ./langhost ""
fi

mkdir -p "$bin.tmp"
ln -f "$cache/pulumi" "$bin.tmp/pulumi"
ln -f "$cache/langhost-$langhost_hash/pulumi-language-nodejs" "$bin.tmp/pulumi-language-nodejs"
# The dynamic-provider plugin ships inside @pulumi/pulumi; Pulumi's releases put it next to the CLI.
cp "$repo/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs" "$bin.tmp/"
chmod +x "$bin.tmp/pulumi-resource-pulumi-nodejs"
rm -rf "$bin"
mv "$bin.tmp" "$bin"
echo "$bin built"
