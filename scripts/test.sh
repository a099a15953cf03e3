#!/usr/bin/env bash
# Runs every check in order and stops at the first failure. Ends with one line that counts
# every test it ran: "N passed, N failed". Called by `make test` (which sets PATH and TMPDIR).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
passed=0
failed=0

summary() { echo "$passed passed, $failed failed"; }

fail() {
  echo "FAILED: $1" >&2
  summary
  exit 1
}

# Adds up cargo's and wasm-bindgen-test's "test result: ok. N passed; M failed" lines.
count_cargo() {
  local p f
  p=$(grep -E '^test result:' "$1" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  f=$(grep -E '^test result:' "$1" | grep -Eo '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p))
  failed=$((failed + f))
}

step() {
  local name=$1
  shift
  echo "== $name"
  "$@" || fail "$name"
}

cargo_tests() {
  local name=$1 log=.tmp/$2.log
  shift 2
  echo "== $name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  count_cargo "$log"
  [ "$status" -eq 0 ] || fail "$name"
}

step "cargo fmt --check" cargo fmt --all -- --check
step "Cargo.lock is current" cargo fetch --locked
step "clippy (native)" cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (native, guide-only build: the build-time prerender)" cargo clippy -p fasttrack-onboarding \
  --all-targets --locked --no-default-features -- -D warnings
step "clippy (wasm, the full build as shipped: its later pages split out)" cargo clippy \
  -p fasttrack-onboarding --all-targets --locked --target wasm32-unknown-unknown --features split \
  -- -D warnings
step "clippy (wasm, guide-only build)" cargo clippy -p fasttrack-onboarding --all-targets --locked \
  --target wasm32-unknown-unknown --no-default-features -- -D warnings
cargo_tests "native tests" native cargo test --workspace --locked
cargo_tests "component tests (headless Chromium)" wasm \
  cargo test -p fasttrack-onboarding --locked --target wasm32-unknown-unknown --features bundled-locales
lock_before=$(sha256sum Cargo.lock)
step "release build" trunk build --release
[ "$(sha256sum Cargo.lock)" = "$lock_before" ] || fail "trunk rewrote Cargo.lock"
step "receiver build (for the end-to-end tests)" cargo build -p receiver --locked

echo "== end-to-end tests (Playwright, release dist/)"
playwright test
e2e_status=$?
if [ -f .tmp/playwright-results.json ]; then
  read -r p f < <(node -e '
    const r = require("./.tmp/playwright-results.json").stats;
    console.log(r.expected + " " + (r.unexpected + r.flaky));')
  passed=$((passed + p))
  failed=$((failed + f))
fi
[ "$e2e_status" -eq 0 ] || fail "end-to-end tests"
summary
