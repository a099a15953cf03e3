// Trunk pre-build hook: writes the stylesheets Trunk and finish-dist.mjs pick up, into
// target/style/: style/app.css and style/wizard.css as they are in debug builds, minified by
// Lightning CSS (the npm package `lightningcss`) in release builds. Trunk's own minification
// cannot be used for them: it is one switch (`minify`) that also minifies index.html (which
// would rewrite the `<base href="/" />` line deployers edit) and the wasm-bindgen glue.
// Running before Trunk reads index.html, this lets Trunk hash app.css and compute its integrity
// from the bytes that ship.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transform } from "lightningcss";

const root = process.env.TRUNK_SOURCE_DIR ?? ".";
const release = process.env.TRUNK_PROFILE === "release";
const out = join(root, "target", "style");

mkdirSync(out, { recursive: true });
for (const name of ["app.css", "wizard.css"]) {
  const source = join(root, "style", name);
  const code = readFileSync(source);
  // No `targets`: nothing is prefixed or lowered, the rules stay as written, only smaller.
  const css = release ? transform({ filename: source, code, minify: true }).code : code;
  writeFileSync(join(out, name), css);
  if (release) console.log(`prepare-css: minified ${name}: ${code.length} -> ${css.length} bytes`);
}
