// Trunk post-build hook: replaces Trunk's inline module loader with an external boot.js, so
// the app runs under a strict Content Security Policy (script-src 'self'), and makes every
// asset address relative, so dist/ can be served under any path (index.html's <base href>
// names that path); copies the stylesheet to fasttrack.css, a stable name for host pages.
// Runs on Trunk's staging directory, or on the directory given.
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

const loader = html.match(/<script type="module">[\s\S]*?<\/script>/);
if (!loader) throw new Error(`${indexPath}: no Trunk loader script found`);
const js = loader[0].match(/from '\/?([^']+\.js)'/)?.[1];
const wasm = loader[0].match(/module_or_path: '\/?([^']+\.wasm)'/)?.[1];
if (!js || !wasm) throw new Error(`${indexPath}: cannot read the glue and wasm names from the loader`);

html = html.replace(loader[0], "");

// Release builds: minify the wasm-bindgen glue, and give its preload the new integrity hash.
if (process.env.TRUNK_PROFILE === "release") {
  const gluePath = join(dir, js);
  const before = readFileSync(gluePath, "utf8");
  const { code } = await minify(before, { module: true, compress: true, mangle: true });
  writeFileSync(gluePath, code);
  const digest = createHash("sha384").update(code).digest("base64");
  html = html.replace(
    new RegExp(`(href="/?${js.replace(".", "\\.")}"[^>]*integrity=")[^"]*"`),
    `$1sha384-${digest}"`,
  );
  console.log(`finish-dist: minified ${js}: ${before.length} -> ${code.length} bytes`);
}
// Root-relative addresses of our own files become relative (to <base href>).
for (const file of readdirSync(dir)) {
  html = html.replaceAll(`href="/${file}"`, `href="${file}"`);
}
html = html.replace("</head>", `  <script type="module" src="boot.js"></script>\n  </head>`);
writeFileSync(indexPath, html);

writeFileSync(
  join(dir, "boot.js"),
  `// Starts FastTrack onboarding. Addresses are relative to this file, so the bundle works
// from any path and any host page that includes this script (no inline script needed).
// It mounts the app into every [data-fasttrack] element, then publishes the one global,
// FastTrack.mount(element, options), and announces it with "fasttrack:loaded" on document.
import init, { mount } from "./${js}";
await init({ module_or_path: new URL("./${wasm}", import.meta.url) });
globalThis.FastTrack = Object.freeze({ mount });
document.dispatchEvent(new CustomEvent("fasttrack:loaded"));
`,
);
// Host pages link the stylesheet by a name that does not change between releases.
const css = readdirSync(dir).find((f) => /^app-[0-9a-f]+\.css$/.test(f));
if (css) copyFileSync(join(dir, css), join(dir, "fasttrack.css"));

console.log(`finish-dist: ${indexPath} loads boot.js -> ${js} + ${wasm}`);
