// What the locales cost a first load: the guide's and the wizard's first visits measured the
// same way as `make bench` (first-load.mjs: the browser's own fetches, brotli -q 11) on two
// builds, e.g. one with three locales and one with twelve, side by side in one run.
//
//   node bench/locale-cost.mjs <dist A> <dist B>
//
// Build each with `SITE_URL=http://127.0.0.1:4180/ trunk build --release --dist <dir>` (for a
// build with fewer locales, move the others' content/locales/TAG.{md,toml} aside first).
import { chromium } from "@playwright/test";
import { firstLoad } from "./first-load.mjs";
import { CHROMIUM, FLAGS } from "./lighthouse.mjs";
import { serve } from "./serve.mjs";

const dirs = process.argv.slice(2);
if (dirs.length !== 2) {
  console.error("usage: node bench/locale-cost.mjs <dist A> <dist B>");
  process.exit(2);
}
const pages = [
  { name: "guide /en/", path: "/en/", ready: "h1" },
  { name: "wizard /en/request/about", path: "/en/request/about", ready: "#requester-kind" },
];
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
const loads = [];
for (const dir of dirs) {
  const server = await serve(dir);
  try {
    loads.push(await Promise.all(pages.map((p) => firstLoad(browser, server.origin, p.path, p.ready))));
  } finally {
    server.stop();
  }
}
await browser.close();
// Files named by a content hash differ in name between builds: compare by kind.
const kind = (file) => file.replace(/-[0-9a-f]{16}(?=[._])/, "").replace(/\.[0-9a-f]{8}\.txt$/, ".txt");
for (const [i, page] of pages.entries()) {
  const [a, b] = [loads[0][i], loads[1][i]];
  console.log(`${page.name}: ${a.brotli} B -> ${b.brotli} B brotli (${b.brotli - a.brotli >= 0 ? "+" : ""}${b.brotli - a.brotli} B)`);
  const byKind = (load) => Object.fromEntries(Object.entries(load.files).map(([f, n]) => [kind(f), n]));
  const [ka, kb] = [byKind(a), byKind(b)];
  for (const k of [...new Set([...Object.keys(ka), ...Object.keys(kb)])].sort()) {
    const d = (kb[k] ?? 0) - (ka[k] ?? 0);
    if (d) console.log(`  ${k}: ${ka[k] ?? 0} -> ${kb[k] ?? 0} (${d > 0 ? "+" : ""}${d})`);
  }
}
