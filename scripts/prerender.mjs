// Pages as static HTML (release builds; called by finish-dist.mjs), carrying each page as the
// app draws it, so it is read before (and, for the guide, without) any script or WebAssembly:
// - for each locale, `{tag}/index.html`, the guide;
// - for each locale, `{tag}/request/about.html`, the wizard's first question, its answers
//   disabled until boot.js runs, which holds what the reader does until the app takes the page
//   over. A static host serves it at `{tag}/request/about` when
//   it maps an address to the file of that name with `.html` (docs/deploying.md, "Serving it").
// The HTML comes from the app's own components, rendered natively by `cargo run --bin
// prerender` (src/prerender.rs); this script puts each page into index.html's shell and
// writes what only a browser-like runtime knows: dates in each locale's long form, with the
// options `src/i18n/intl.rs` gives `Intl`.
//
// Each page's `<base>` is relative (`../`, `../../`): the page works under any sub-path with no
// edit. Its canonical and hreflang links are absolute when SITE_URL names where dist/ is
// served (`make build SITE_URL=https://portal.example/tools/fasttrack/`), else relative.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

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

/** Replaces the one match of `pattern` in `html` with `replacement`, taken as it is (a string
 * is never read as a replacement pattern: a `$'` or `$&` in a page's text stays text), or the
 * string a function makes of the match; a template that changed fails the build. */
export function replaceOnce(html, pattern, replacement) {
  const matches = html.match(new RegExp(pattern.source, "g")) ?? [];
  if (matches.length !== 1) throw new Error(`prerender: expected one ${pattern} in index.html, found ${matches.length}`);
  return html.replace(pattern, typeof replacement === "function" ? replacement : () => replacement);
}

/** Every locale's guide and first question, rendered by the app's components
 * (src/bin/prerender.rs): `{ guides, questions }`. */
function renderPages(root) {
  const out = execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "prerender"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out);
}

/** Where a page's address is written: `en/` to `en/index.html`, `en/request/about` to
 * `en/request/about.html`. */
export const fileOf = (path) => (path.endsWith("/") ? `${path}index.html` : `${path}.html`);

/** One locale's page: index.html's shell with the page's head and the app's element filled.
 * `pages` are the same page in every locale; a `question` (the wizard's) links the wizard's
 * stylesheet, `wizardCss`. */
export function pageHtml(shell, page, pages, { siteUrl, question, wizardCss }) {
  const link = (p) => `${siteUrl}${p.path}`;
  const alternates = [
    `<link rel="canonical" href="${escapeAttr(link(page))}" />`,
    ...pages.map((p) => `<link rel="alternate" hreflang="${p.tag}" href="${escapeAttr(link(p))}" />`),
    // The root leads to the guide in the reader's language.
    ...(question ? [] : [`<link rel="alternate" hreflang="x-default" href="${escapeAttr(siteUrl || "./")}" />`]),
  ].join("\n    ");
  const depth = page.path.split("/").length - 1;
  const up = "../".repeat(depth);
  let html = shell;
  // The guide works without JavaScript, and the question says in its language what it needs.
  html = replaceOnce(html, /\s*<noscript>[\s\S]*?<\/noscript>/, "");
  html = replaceOnce(html, /<html lang="[^"]*">/, `<html lang="${page.tag}">`);
  html = replaceOnce(
    html,
    /<!--[^>]*-->\s*<base href="[^"]*" \/>/,
    `<!-- This page lives ${depth === 1 ? "one folder" : `${depth} folders`} below the app's: its base is that folder, wherever it is served. -->\n    <base href="${up}" />`,
  );
  html = replaceOnce(html, /<title>[^<]*<\/title>/, `<title>${escapeText(page.title)}</title>\n    ${alternates}`);
  html = replaceOnce(html, /<meta name="description" content="[^"]*" \/>/, `<meta name="description" content="${escapeAttr(page.description)}" />`);
  // A question is answered through the app: boot.js and the app tell it from the guide by this.
  const kind = question ? `="question"` : "";
  // The packs the app draws the page with, for boot.js to preload (the app's own list).
  const packs = `data-packs="${escapeAttr(page.packs.join(" "))}"`;
  html = replaceOnce(html, /<div data-fasttrack data-standalone><\/div>/, `<div data-fasttrack data-standalone data-prerendered${kind} ${packs}>${page.body}</div>`);
  if (question) {
    // Its styles come with the page (boot.js links them on other pages of the wizard).
    html = replaceOnce(html, /<\/head>/, `  <link rel="stylesheet" href="${escapeAttr(wizardCss)}" />\n  </head>`);
  } else {
    // boot.js reads config.json itself (is the app needed at all?), and the app only when it
    // takes over, after the page has loaded: a preload would sit unused (the browser warns).
    html = replaceOnce(html, /\s*<link rel="preload" href="config.json"[^>]*>/, "");
    // The page is whole without boot.js, which only decides, once the page is idle, whether
    // the app is needed: it must not compete with what the first paint needs.
    html = replaceOnce(html, /<script type="module" src="([^"]*boot\.js)"><\/script>/, (_, src) => `<script type="module" src="${src}" fetchpriority="low"></script>`);
  }
  html = writeDates(html.replaceAll(`"${BASE_MARK}`, `"`));
  for (const left of [BASE_MARK.slice(0, -1), "{date:"]) {
    if (html.includes(left)) throw new Error(`prerender: ${page.tag}: "${left}" left in the page`);
  }
  return html;
}

/** Writes every locale's guide and first question into `dir`; returns the guide's tags. */
export function prerender(dir, root, { siteUrl = process.env.SITE_URL ?? "", wizardCss }) {
  if (siteUrl && !/^https?:\/\/[^/]+\/(.*\/)?$/.test(siteUrl)) {
    throw new Error(`SITE_URL must be an absolute http(s) address ending with "/", not ${JSON.stringify(siteUrl)}`);
  }
  const shell = readFileSync(join(dir, "index.html"), "utf8");
  const { guides, questions } = renderPages(root);
  for (const [pages, question] of [[guides, false], [questions, true]]) {
    for (const page of pages) {
      const file = join(dir, fileOf(page.path));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, pageHtml(shell, page, pages, { siteUrl, question, wizardCss }));
    }
  }
  // Without JavaScript, index.html (every other address) leads to the guide in each language.
  const links = guides
    .map((p) => `<a href="${p.path}" hreflang="${p.tag}" lang="${p.tag}">${escapeText(p.language)}</a>`)
    .join(" · ");
  writeFileSync(join(dir, "index.html"), replaceOnce(shell, /<\/noscript>/, ` ${links}</noscript>`));
  return guides.map((p) => p.tag);
}
