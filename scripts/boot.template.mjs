// Starts FastTrack onboarding. Addresses are relative to this file, so the bundle works
// from any path and any host page that includes this script (no inline script needed).
// A standalone page showing the guide gets the guide-only build; wizard addresses and host
// pages get the full one. The app mounts into every [data-fasttrack] element; then the one
// global, FastTrack.mount(element, options), is published and "fasttrack:loaded" is
// dispatched on document.
//
// dist/boot.js (a browser module) is written from scripts/boot.template.mjs by
// scripts/finish-dist.mjs: it puts the content-hashed names of the files it wrote in place of
// the object between the BUILDS markers, and changes nothing else (release builds are then
// minified).
const builds = /* BUILDS: */ {
  guide: { js: "fasttrack-guide.js", wasm: "fasttrack-guide_bg.wasm" },
  full: { js: "fasttrack-onboarding.js", wasm: "fasttrack-onboarding_bg.wasm" },
  wizardCss: "wizard.css",
} /* :BUILDS */;

const mounts = document.querySelectorAll("[data-fasttrack]");
const standalone = mounts[0]?.hasAttribute("data-standalone") ?? false;
const guideOnly = mounts.length === 1 && standalone && !/(^|\/)request(\/|$)/.test(location.pathname);
const build = guideOnly ? builds.guide : builds.full;

// A guide page prerendered at build time (scripts/prerender.mjs) is already whole and its
// links work: the app takes it over when the browser is idle, without a visible change.
// Meanwhile (and for good where WebAssembly is refused) a language link does what the app's
// does: it keeps the section the reader is at, and the choice is remembered
// (src/browser.rs, LOCALE_KEY).
if (mounts.length === 1 && mounts[0].hasAttribute("data-prerendered")) {
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest("[data-fasttrack] .ft-languages a[hreflang]");
    if (!link) return;
    // Only a section of the guide (not the skip link's #ft-main): as the app's addresses do.
    const here = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!link.hash && here?.matches("section.ft-section")) link.hash = location.hash;
    try {
      localStorage.setItem("fasttrack:locale", link.hreflang);
    } catch {}
  });
  await new Promise((resolve) => {
    const whenIdle = () => (globalThis.requestIdleCallback ? requestIdleCallback(resolve, { timeout: 2000 }) : setTimeout(resolve, 200));
    if (document.readyState === "complete") whenIdle();
    else addEventListener("load", whenIdle, { once: true });
  });
}
// The wasm download starts now, alongside the glue's.
const wasm = fetch(new URL("./" + build.wasm, import.meta.url));
// A standalone page that may show the wizard needs its styles (host pages link fasttrack.css).
const styles = new Promise((resolve) => {
  if (guideOnly || !standalone) return resolve();
  const link = Object.assign(document.createElement("link"), {
    rel: "stylesheet",
    href: new URL("./" + builds.wizardCss, import.meta.url).href,
  });
  link.onload = link.onerror = resolve;
  document.head.append(link);
});
const [{ default: init, mount }] = await Promise.all([import("./" + build.js), styles]);
await init({ module_or_path: wasm });
globalThis.FastTrack = Object.freeze({ mount });
document.dispatchEvent(new CustomEvent("fasttrack:loaded"));
