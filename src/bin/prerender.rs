//! Prints the pages drawn at build time, rendered natively from the app's components, as JSON
//! for `scripts/prerender.mjs`: every locale's guide and first question.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("{}", fasttrack_onboarding::prerender::pages_json());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
