// The guide's pages as static HTML (release builds; called by finish-dist.mjs): for each
// locale, `{tag}/index.html` beside index.html, carrying the page as the app draws it, so the
// guide is read before (and without) any script or WebAssembly. The HTML comes from the app's
// own components, rendered natively by `cargo run --bin prerender` (src/prerender.rs); this
// script puts each page into index.html's shell and writes what only a browser-like runtime
// knows: dates in each locale's long form, with the options `src/i18n/intl.rs` gives `Intl`.
//
// Each page's `<base href="../">` is relative: the page works under any sub-path with no
// edit. Its canonical and hreflang links are absolute when SITE_URL names where dist/ is
// served (`make build SITE_URL=https://portal.example/tools/fasttrack/`), else relative.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const BASE_MARK = "/__ft_base__/"; // src/prerender.rs

/** `{date:pt-BR:2018-09-04}` → "4 de setembro de 2018", as the browser writes it. */
export function writeDates(html) {
  return html.replace(/\{date:([A-Za-z-]+):(\d{4})-(\d{2})-(\d{2})\}/g, (_, tag, y, m, d) =>
    new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12)),
    ),
  );
}

const escapeText = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s) => escapeText(s).replace(/"/g, "&quot;");

/** Replaces the one match of `pattern` in `html`; a template that changed fails the build. */
function replaceOnce(html, pattern, replacement) {
  const matches = html.match(new RegExp(pattern.source, "g")) ?? [];
  if (matches.length !== 1) throw new Error(`prerender: expected one ${pattern} in index.html, found ${matches.length}`);
  return html.replace(pattern, replacement);
}

/** The pages, rendered by the app's components (src/bin/prerender.rs). */
function renderPages(root) {
  const out = execFileSync(
    "cargo",
    ["run", "--quiet", "--locked", "--no-default-features", "--bin", "prerender"],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 << 20 },
  );
  return JSON.parse(out);
}

/** One locale's page: index.html's shell with the page's head and the app's element filled. */
export function pageHtml(shell, page, pages, siteUrl) {
  const link = (tag) => `${siteUrl}${tag}/`;
  const alternates = [
    `<link rel="canonical" href="${escapeAttr(link(page.tag))}" />`,
    ...pages.map((p) => `<link rel="alternate" hreflang="${p.tag}" href="${escapeAttr(link(p.tag))}" />`),
    `<link rel="alternate" hreflang="x-default" href="${escapeAttr(siteUrl || "./")}" />`,
  ].join("\n    ");
  let html = shell;
  html = replaceOnce(html, /<html lang="[^"]*">/, `<html lang="${page.tag}">`);
  html = replaceOnce(
    html,
    /<!--[^>]*-->\s*<base href="[^"]*" \/>/,
    `<!-- This page lives one folder below the app's: its base is that folder, wherever it is served. -->\n    <base href="../" />`,
  );
  html = replaceOnce(html, /<title>[^<]*<\/title>/, `<title>${escapeText(page.title)}</title>\n    ${alternates}`);
  html = replaceOnce(html, /<meta name="description" content="[^"]*" \/>/, `<meta name="description" content="${escapeAttr(page.description)}" />`);
  html = replaceOnce(html, /<div data-fasttrack data-standalone><\/div>/, `<div data-fasttrack data-standalone data-prerendered>${page.body}</div>`);
  // boot.js reads config.json itself (is the app needed at all?), and the app only when it
  // takes over, after the page has loaded: a preload would sit unused (the browser warns).
  html = replaceOnce(html, /\s*<link rel="preload" href="config.json"[^>]*>/, "");
  // The page is whole without boot.js, which only decides, once the page is idle, whether the
  // app is needed: it must not compete with what the first paint needs.
  html = replaceOnce(html, /<script type="module" src="([^"]*boot\.js)"><\/script>/, '<script type="module" src="$1" fetchpriority="low"></script>');
  // The page works without JavaScript: no apology for its absence.
  html = replaceOnce(html, /\s*<noscript>[\s\S]*?<\/noscript>/, "");
  html = writeDates(html.replaceAll(`"${BASE_MARK}`, `"`));
  for (const left of [BASE_MARK.slice(0, -1), "{date:"]) {
    if (html.includes(left)) throw new Error(`prerender: ${page.tag}: "${left}" left in the page`);
  }
  return html;
}

/** Writes `{tag}/index.html` for every locale into `dir`; returns the tags. */
export function prerender(dir, root, siteUrl = process.env.SITE_URL ?? "") {
  if (siteUrl && !/^https?:\/\/[^/]+\/(.*\/)?$/.test(siteUrl)) {
    throw new Error(`SITE_URL must be an absolute http(s) address ending with "/", not ${JSON.stringify(siteUrl)}`);
  }
  const shell = readFileSync(join(dir, "index.html"), "utf8");
  const pages = renderPages(root);
  for (const page of pages) {
    mkdirSync(join(dir, page.tag), { recursive: true });
    writeFileSync(join(dir, page.tag, "index.html"), pageHtml(shell, page, pages, siteUrl));
  }
  // Without JavaScript, index.html (every other address) leads to the guide in each language.
  const links = pages
    .map((p) => `<a href="${p.tag}/" hreflang="${p.tag}" lang="${p.tag}">${escapeText(p.language)}</a>`)
    .join(" · ");
  writeFileSync(join(dir, "index.html"), replaceOnce(shell, /<\/noscript>/, ` ${links}</noscript>`));
  return pages.map((p) => p.tag);
}
