//! The guide-only entry point (built with `--no-default-features`): the same start-up as
//! `main.rs`, in a separate binary so its wasm has its own name.

fn main() {
    fasttrack_onboarding::host::boot::start();
}
