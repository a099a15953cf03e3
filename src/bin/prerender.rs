//! Prints the pages a build draws at build time, rendered natively from the app's components,
//! as JSON for `scripts/prerender.mjs`: the guide's with `--no-default-features` (as the
//! guide-only build is built), the wizard's first question with the default features.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("{}", fasttrack_onboarding::prerender::pages_json());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
