//! Prints the guide's pages, rendered natively from the app's components, as JSON for
//! `scripts/prerender.mjs`. Build it as the guide-only build is built: `cargo run
//! --no-default-features --bin prerender`.

#[cfg(all(not(target_arch = "wasm32"), not(feature = "wizard")))]
fn main() {
    println!("{}", fasttrack_onboarding::prerender::pages_json());
}

#[cfg(any(target_arch = "wasm32", feature = "wizard"))]
fn main() {
    eprintln!("prerender: run natively with --no-default-features (the guide-only build)");
    std::process::exit(2);
}
