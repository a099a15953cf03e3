#!/usr/bin/env bash
# Runs every check in order and stops at the first failure. Ends with one line that counts
# every test it ran: "N passed, N failed". Called by `make test` (which sets PATH and TMPDIR).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
# A fresh clone builds every crate once, natively and for wasm: incremental caches and full
# debug info would only fill the disk (with them, target/ passed 13 GB, 10 GB of it native
# debug builds). Line tables keep a failing test's backtrace readable.
export CARGO_INCREMENTAL=0
export CARGO_PROFILE_DEV_DEBUG=line-tables-only
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

# A step whose output is long (a build): its output is also kept in .tmp/LOG.log, and when it
# fails its error lines are printed again last, where a CI log that keeps only its tail shows
# them (Trunk prints a hook's error, then a backtrace of its own).
logged_step() {
  local name=$1 log=.tmp/$2.log
  shift 2
  echo "== $name"
  "$@" 2>&1 | tee "$log"
  if [ "${PIPESTATUS[0]}" -ne 0 ]; then
    echo "-- the errors $name printed (all of it: $log):" >&2
    grep -E '(Error|error(\[E[0-9]+\])?:|panicked|ERROR)' "$log" | grep -v 'error from build pipeline' \
      | head -n 15 >&2
    fail "$name"
  fi
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
step "clippy (wasm, the build as shipped: its later pages split out)" cargo clippy \
  -p fasttrack-onboarding --all-targets --locked --target wasm32-unknown-unknown --features split \
  -- -D warnings
step "clippy (wasm, as the component tests build it)" cargo clippy -p fasttrack-onboarding \
  --all-targets --locked --target wasm32-unknown-unknown --features bundled-locales -- -D warnings
cargo_tests "native tests" native cargo test --workspace --locked
cargo_tests "component tests (headless Chromium)" wasm \
  cargo test -p fasttrack-onboarding --locked --target wasm32-unknown-unknown --features bundled-locales
lock_before=$(sha256sum Cargo.lock)
logged_step "release build" release-build trunk build --release
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
