//! The guide-only entry point (built with `--no-default-features`): as `main.rs`, in a separate
//! binary so its wasm has its own name.

fn main() {
    fasttrack_onboarding::host::boot::link();
}
