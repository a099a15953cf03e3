//! The app's entry point. Nothing starts here: `boot.js` instantiates the wasm, then
//! calls its `boot` export with its own address, so the app finds its files beside `boot.js`
//! wherever a page loads it from (`host::boot`).

fn main() {
    fasttrack_onboarding::host::boot::link();
}
