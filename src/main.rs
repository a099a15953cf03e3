//! The standalone entry point: mount the app into every `[data-fasttrack]` element.

fn main() {
    fasttrack_onboarding::host::boot::start();
}
