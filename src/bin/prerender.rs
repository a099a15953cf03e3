//! Prints, as JSON for the build's scripts, what the app's own code says at build time:
//! `prerender` every locale's guide and first question, rendered natively from the app's
//! components (`scripts/prerender.mjs`); `prerender facts` what `boot.js` is written with
//! (`scripts/finish-dist.mjs`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use fasttrack_onboarding::prerender;
    match std::env::args().nth(1).as_deref() {
        Some("facts") => println!("{}", prerender::boot_facts_json()),
        _ => println!("{}", prerender::pages_json()),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
