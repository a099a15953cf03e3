// Trunk post-build hook: the steps Trunk 0.21 has no option for. Trunk builds the app
// (index.html) and, in place of its loader, writes a script tag for boot.js (Trunk.toml:
// pattern_script). This script
// - splits the build's later pages into pieces of their own (split-wasm.mjs), in place of the
//   glue and wasm Trunk staged;
// - minifies the glue with terser in release builds, gives the wasm's imports from it and its
//   exports whose names carry a hash short names in both, drops the toolchain's sections from
//   the wasm (slim-wasm.mjs), and names the glue, the wasm, the pieces and their loader by a
//   hash of their content;
// - names the wizard's stylesheet (target/style/wizard.css, from prepare-css.mjs) by its hash:
//   only boot.js loads it, so Trunk, which would link it from index.html, does not handle it;
// - writes fasttrack.css, every stylesheet under a stable name for host pages that mount into
//   their own element, and names the custom element's stylesheets by their hash;
// - writes boot.js, the one script index.html and host pages load, from boot.template.mjs
//   with the names above (minified by terser in release builds).
// - writes each locale's packs (its strings, its guide, the wizard's strings: fetched by the
//   app when it needs them) into locales/, with the names the app's build compiled in
//   (content/src/bundle.rs);
// - writes into boot.js what it knows of the app, from the app's own code (`prerender facts`);
// - in release builds, writes the guide's pages and the first question as static HTML
//   (prerender.mjs), from index.html as this script leaves it; index.html's <noscript> then
//   links to them.
// Runs on Trunk's staging directory, or on the directory given.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";
import { prerender } from "./prerender.mjs";
import { dropToolchainSections, shortenHashedExports, shortenImports } from "./slim-wasm.mjs";
import { LOADER, splitBuild } from "./split-wasm.mjs";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const root = process.env.TRUNK_SOURCE_DIR ?? ".";
const release = process.env.TRUNK_PROFILE === "release";
const here = dirname(fileURLToPath(import.meta.url));

/** The first 16 hex digits of the SHA-256 of `parts`: the content hash in our file names. */
function shortHash(...parts) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 16);
}

/** Terser on an ES module (a syntax error fails the build). */
async function minifyModule(code) {
  return (await minify(code, { module: true, compress: true, mangle: true })).code;
}

/** The specifier of an import of `name` in a module's text (`from "./name"`, `import("./name")`). */
const importOf = (name) => new RegExp(`(from\\s*|import\\(\\s*)"\\./${name.replaceAll(".", "\\.")}"`, "g");

/** Puts the split build in place of what Trunk staged for `name`, minified (release) and named
 * by content: the pieces by their own, the loader and the glue by one hash of the glue, the
 * first piece and the loader, since each names the other. Returns the new names. */
async function finishBuild(name, split) {
  // Trunk's own glue and wasm for the build (hashed names), replaced by the split ones.
  for (const staged of readdirSync(dir).filter((f) => new RegExp(`^${name}(-[0-9a-f]+)?(\\.js|_bg\\.wasm)$`).test(f))) {
    rmSync(join(dir, staged));
  }
  let { glue, wasm } = split;
  if (release) {
    const before = { wasm: wasm.length, glue: glue.length };
    glue = await minifyModule(glue);
    ({ wasm, glue } = shortenImports(dropToolchainSections(wasm), glue, `./${name}_bg.js`));
    ({ wasm, glue } = shortenHashedExports(wasm, glue));
    console.log(`finish-dist: ${name}: glue minified, import and hashed export names shortened, toolchain sections dropped: wasm ${before.wasm} -> ${wasm.length}, glue ${before.glue} -> ${glue.length} bytes`);
  }
  let loader = split.loader;
  for (let [file, bytes] of Object.entries(split.pieces)) {
    if (release) bytes = dropToolchainSections(bytes);
    // split_questions.wasm (a piece, src/piece.rs) or chunk_4.wasm (code pieces share).
    const piece = `${name}-${file.replace(/^split_/, "").replace(/\.wasm$/, "")}-${shortHash(bytes)}.wasm`;
    writeFileSync(join(dir, piece), bytes);
    if (!loader.includes(`"./${file}"`)) throw new Error(`split-wasm: the loader does not fetch ${file}`);
    loader = loader.replace(`"./${file}"`, `"./${piece}"`);
  }
  if (release) loader = await minifyModule(loader);
  const hash = shortHash(glue, wasm, loader);
  const names = { js: `${name}-${hash}.js`, wasm: `${name}-${hash}_bg.wasm`, pieces: `${name}-${hash}-pieces.js` };
  // The glue imports the loader by the name the wasm gives its imports' module; only the
  // specifier changes (the wasm's import object keeps that name as its key).
  if (!importOf(LOADER).test(glue)) throw new Error(`split-wasm: ${name}.js does not import ${LOADER}`);
  glue = glue.replace(importOf(LOADER), `$1"./${names.pieces}"`);
  if (!importOf(`${name}.js`).test(loader)) throw new Error(`split-wasm: ${LOADER} does not import ${name}.js`);
  writeFileSync(join(dir, names.pieces), loader.replace(importOf(`${name}.js`), `$1"./${names.js}"`));
  writeFileSync(join(dir, names.js), glue);
  writeFileSync(join(dir, names.wasm), wasm);
  return names;
}

const app = await finishBuild("fasttrack-onboarding", splitBuild({ root, bin: "fasttrack-onboarding", release }));

// Stylesheets, already minified in release builds (prepare-css.mjs): index.html's, which
// Trunk hashed and linked, and the ones only boot.js or host pages link.
const appCssName = readdirSync(dir).find((f) => /^app-[0-9a-f]+\.css$/.test(f));
if (!appCssName) throw new Error(`${dir}: no app-HASH.css`);
const appCss = readFileSync(join(dir, appCssName), "utf8");
const prepared = (name) => readFileSync(join(root, "target", "style", name), "utf8");
/** Writes `css` as `stem-HASH.css`; returns that name. */
function writeHashed(stem, css) {
  const name = `${stem}-${shortHash(css)}.css`;
  writeFileSync(join(dir, name), css);
  return name;
}
const wizardCss = prepared("wizard.css");
const printPathCss = prepared("print-path.css");
const wizardCssName = writeHashed("wizard", wizardCss);
// For <fasttrack-onboarding>: its shadow root's stylesheet, and the print rules boot.js links
// into the portal's document.
const elementCssName = writeHashed("fasttrack-element", prepared("element.css"));
const printPathCssName = writeHashed("print-path", printPathCss);
// Host pages that mount into their own element link every style by a name that does not
// change between releases.
writeFileSync(join(dir, "fasttrack.css"), `${appCss}\n${wizardCss}\n${printPathCss}`);

// The packs, by the same code (the content crate) that gave the app their names.
rmSync(join(dir, "locales"), { recursive: true, force: true });
execFileSync(
  "cargo",
  ["run", "--quiet", "--locked", "-p", "fasttrack-content", "--features", "parse", "--bin", "locale-packs", "--", root, join(dir, "locales")],
  { cwd: root, encoding: "utf8", stdio: ["ignore", "ignore", "inherit"] },
);
console.log(`finish-dist: wrote ${readdirSync(join(dir, "locales")).length} locale packs`);

// What boot.js knows of the app, from the app's own code (src/prerender.rs, `boot_facts`).
const facts = JSON.parse(
  execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "prerender", "--", "facts"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }),
);

// boot.js: the template with the names of this build's files in place of its placeholder object.
const built = { app, wizardCss: wizardCssName, elementCss: elementCssName, printPathCss: printPathCssName, ...facts };
const template = readFileSync(join(here, "boot.template.mjs"), "utf8");
const [start, end] = ["/* BUILT: */", "/* :BUILT */"];
const from = template.indexOf(start);
const to = template.indexOf(end);
if (from < 0 || to < from || template.indexOf(start, from + 1) >= 0) {
  throw new Error(`boot.template.mjs: expected one ${start} ... ${end} pair`);
}
const boot = `${template.slice(0, from + start.length)} ${JSON.stringify(built)} ${template.slice(to)}`;
// Release: minified, keeping one comment that says what it is.
writeFileSync(
  join(dir, "boot.js"),
  release
    ? `// FastTrack onboarding: loads the app where a page needs it and mounts it (scripts/boot.template.mjs).\n${await minifyModule(boot)}\n`
    : boot,
);

console.log(`finish-dist: boot.js loads ${app.js}`);

if (release) {
  const tags = prerender(dir, root, { wizardCss: wizardCssName });
  console.log(`finish-dist: prerendered the guide and the first question in ${tags.join(", ")}`);
}
