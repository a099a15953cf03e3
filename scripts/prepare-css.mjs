// Trunk pre-build hook: writes the stylesheets Trunk and finish-dist.mjs pick up, into
// target/style/, minified by Lightning CSS (the npm package `lightningcss`) in release builds.
// Trunk's own minification cannot be used for them: it is one switch (`minify`) that also
// minifies index.html (which would rewrite the `<base href="/" />` line deployers edit) and the
// wasm-bindgen glue. Running before Trunk reads index.html, this lets Trunk hash app.css and
// compute its integrity from the bytes that ship.
//
// - app.css: the theme's defaults (style/theme.css) and the guide's styles (style/app.css);
// - wizard.css: the wizard's (style/wizard.css);
// - print-path.css: the rules that print an embedded app alone (style/print-path.css);
// - element.css, for the shadow root of <fasttrack-onboarding>: the theme declared on :host
//   rather than .ft-app, so that --ft-* values a portal sets on the element win, and without
//   --ft-font and --ft-font-size, so that the portal's font is inherited unless it sets them;
//   then app.css, wizard.css and style/element.css.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transform } from "lightningcss";

const root = process.env.TRUNK_SOURCE_DIR ?? ".";
const release = process.env.TRUNK_PROFILE === "release";
const out = join(root, "target", "style");
const read = (name) => readFileSync(join(root, "style", name), "utf8");

/** The theme for the shadow root: on :host, the font properties left to inheritance. */
function themeOnHost(theme) {
  const host = theme
    .replace(/^\s*--ft-font(-size)?:[^;]*;\n/gm, "")
    .replace(/\.ft-app(?=\s*\{)/g, ":host");
  if (/\.ft-app/.test(host.replace(/\/\*[\s\S]*?\*\//g, ""))) {
    throw new Error("style/theme.css: only `.ft-app { --ft-*: … }` rules can move to :host");
  }
  return host;
}

const [theme, app, wizard] = ["theme.css", "app.css", "wizard.css"].map(read);
const outputs = {
  "app.css": theme + app,
  "wizard.css": wizard,
  "print-path.css": read("print-path.css"),
  "element.css": themeOnHost(theme) + app + wizard + read("element.css"),
};

mkdirSync(out, { recursive: true });
for (const [name, code] of Object.entries(outputs)) {
  // No `targets`: nothing is prefixed or lowered, the rules stay as written, only smaller.
  const css = release ? transform({ filename: name, code: Buffer.from(code), minify: true }).code : code;
  writeFileSync(join(out, name), css);
  if (release) console.log(`prepare-css: minified ${name}: ${code.length} -> ${css.length} bytes`);
}
