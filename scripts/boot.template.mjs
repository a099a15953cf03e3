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
