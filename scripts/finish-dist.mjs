// Trunk post-build hook: the steps Trunk 0.21 has no option for. Trunk builds the app twice
// (index.html): `fasttrack-guide`, without the wizard, and `fasttrack-onboarding`, with
// everything; in place of its loader it writes a script tag for boot.js (Trunk.toml:
// pattern_script). This script
// - minifies each build's glue with terser in release builds, and names its glue and wasm by a
//   hash of their content (Trunk names the second build, a "worker" to Trunk, without one);
// - names the wizard's stylesheet (target/style/wizard.css, from prepare-css.mjs) by its hash:
//   only boot.js loads it, so Trunk, which would link it from index.html, does not handle it;
// - writes fasttrack.css, both stylesheets under a stable name for host pages;
// - writes boot.js: it picks the build for the address (the guide's first load stays small)
//   and works under a strict Content Security Policy (script-src 'self'), with addresses
//   relative to itself (any sub-path); minified by terser in release builds.
// It does not edit index.html. Runs on Trunk's staging directory, or on the directory given.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const release = process.env.TRUNK_PROFILE === "release";

/** The first 16 hex digits of the SHA-256 of `parts`: the content hash in our file names. */
function shortHash(...parts) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 16);
}

/** Minifies (release) and renames one build's glue and wasm; returns their new names. */
async function finishBuild(name) {
  // Trunk hashes the main build's names, not the worker's.
  const stem = readdirSync(dir)
    .find((f) => new RegExp(`^${name}(-[0-9a-f]+)?\\.js$`).test(f))
    ?.slice(0, -3);
  if (!stem) throw new Error(`${dir}: no glue for ${name}`);
  const gluePath = join(dir, `${stem}.js`);
  const wasmPath = join(dir, `${stem}_bg.wasm`);
  let glue = readFileSync(gluePath, "utf8");
  if (release) {
    const before = glue.length;
    glue = (await minify(glue, { module: true, compress: true, mangle: true })).code;
    console.log(`finish-dist: minified ${name}.js: ${before} -> ${glue.length} bytes`);
  }
  const wasm = readFileSync(wasmPath);
  const hash = shortHash(glue, wasm);
  const names = { js: `${name}-${hash}.js`, wasm: `${name}-${hash}_bg.wasm` };
  writeFileSync(join(dir, names.js), glue);
  renameSync(wasmPath, join(dir, names.wasm));
  if (gluePath !== join(dir, names.js)) rmSync(gluePath);
  return names;
}

const guide = await finishBuild("fasttrack-guide");
const full = await finishBuild("fasttrack-onboarding");

// Stylesheets, already minified in release builds (prepare-css.mjs): index.html's, which Trunk
// hashed and linked, and the wizard's.
const appCssName = readdirSync(dir).find((f) => /^app-[0-9a-f]+\.css$/.test(f));
if (!appCssName) throw new Error(`${dir}: no app-HASH.css`);
const appCss = readFileSync(join(dir, appCssName), "utf8");
const wizardCssText = readFileSync(join(process.env.TRUNK_SOURCE_DIR ?? ".", "target", "style", "wizard.css"), "utf8");
const wizardCss = `wizard-${shortHash(wizardCssText)}.css`;
writeFileSync(join(dir, wizardCss), wizardCssText);
// Host pages link both stylesheets by a name that does not change between releases.
writeFileSync(join(dir, "fasttrack.css"), `${appCss}\n${wizardCssText}`);

const boot = `// Starts FastTrack onboarding. Addresses are relative to this file, so the bundle works
// from any path and any host page that includes this script (no inline script needed).
// A standalone page showing the guide gets the guide-only build; wizard addresses and host
// pages get the full one. The app mounts into every [data-fasttrack] element; then the one
// global, FastTrack.mount(element, options), is published and "fasttrack:loaded" is
// dispatched on document.
const mounts = document.querySelectorAll("[data-fasttrack]");
const standalone = mounts[0]?.hasAttribute("data-standalone") ?? false;
const guideOnly = mounts.length === 1 && standalone && !/(^|\\/)request(\\/|$)/.test(location.pathname);
const build = guideOnly
  ? ${JSON.stringify(guide)}
  : ${JSON.stringify(full)};
// The wasm download starts now, alongside the glue's.
const wasm = fetch(new URL("./" + build.wasm, import.meta.url));
// A standalone page that may show the wizard needs its styles (host pages link fasttrack.css).
const styles = new Promise((resolve) => {
  if (guideOnly || !standalone) return resolve();
  const link = Object.assign(document.createElement("link"), {
    rel: "stylesheet",
    href: new URL("./${wizardCss}", import.meta.url).href,
  });
  link.onload = link.onerror = resolve;
  document.head.append(link);
});
const [{ default: init, mount }] = await Promise.all([import("./" + build.js), styles]);
await init({ module_or_path: wasm });
globalThis.FastTrack = Object.freeze({ mount });
document.dispatchEvent(new CustomEvent("fasttrack:loaded"));`;
// Release: minified, keeping one comment that says what it is.
writeFileSync(
  join(dir, "boot.js"),
  release
    ? `// FastTrack onboarding: picks the build for this address and mounts it (scripts/finish-dist.mjs).\n${
        (await minify(boot, { module: true, compress: true, mangle: true })).code
      }\n`
    : boot,
);

console.log(`finish-dist: boot.js loads ${guide.js} (guide) or ${full.js} (full)`);
