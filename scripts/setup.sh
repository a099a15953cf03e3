#!/usr/bin/env bash
# Installs every tool the project needs, idempotently: a second run only checks versions.
# Everything comes from the package registries (crates.io, npm, Debian); nothing else is downloaded.
# Usage: scripts/setup.sh [serve|test|bench]   ("test" adds Chromium and ChromeDriver; "bench"
# adds Lighthouse and twiggy, and is run after "test")
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
TWIGGY_VERSION=0.8.0
WASM_SPLIT_VERSION=0.2.4
want=${1:-serve}

log() { printf 'setup: %s\n' "$*"; }

have_version() { # have_version CMD VERSION: CMD --version mentions VERSION
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! have_version trunk "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (several minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION" || ! command -v wasm-bindgen-test-runner >/dev/null; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: its lockfile names a webpki-roots release the registry lacks.
  CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback \
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Splits the app's later pages out of its first load (scripts/split-wasm.mjs): the
# splitter matching the wasm_split_helpers that Leptos' pieces are declared with.
# (It has no --version: cargo's list of installed crates says which it is.)
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qF "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION (a minute, once)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

apt_missing=()
[ -x /usr/bin/brotli ] || apt_missing+=(brotli)
if [ "$want" = test ]; then
  [ -x /usr/bin/chromium ] || apt_missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || apt_missing+=(chromium-driver)
fi
if [ ${#apt_missing[@]} -gt 0 ]; then
  log "installing ${apt_missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

# Node packages: wasm-opt 132 (binaryen), Playwright, axe-core. Reinstalled only when the lock changes.
stamp=node_modules/.package-lock.stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  log "installing Node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
# Benchmark-only tools (Lighthouse in bench/, twiggy for crate weights) are installed for
# `make bench` only.
if [ "$want" = bench ]; then
  if ! have_version twiggy "$TWIGGY_VERSION"; then
    log "installing twiggy $TWIGGY_VERSION (a few minutes, once)"
    cargo install --locked twiggy --version "$TWIGGY_VERSION"
  fi
  stamp=bench/node_modules/.package-lock.stamp
  if [ ! -f "$stamp" ] || ! cmp -s bench/package-lock.json "$stamp"; then
    log "installing the benchmark's Node packages (npm ci in bench/)"
    (cd bench && npm ci --no-audit --no-fund --loglevel=error)
    cp bench/package-lock.json "$stamp"
  fi
fi
log "ready"
