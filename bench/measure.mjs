// `make bench`: figures for the release dist/, one a line, then the comparison table (this app,
// a static copy of its guide, the React peer), all written to bench/results.json.
// Exits non-zero when a budget is missed. The machine is noisy: compare ratios within one run
// rather than absolute times across runs.
//
// BENCH_RUNS (default 3): Lighthouse mobile runs per page; BENCH_PEER: the peer's sources
// (default ../shared/peers/react-spa beside the repository).
import { chromium } from "@playwright/test";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { firstLoad } from "./first-load.mjs";
import { CHROMIUM, FLAGS, lighthouse, lighthouseRounds } from "./lighthouse.mjs";
import { PEER_SOURCE, buildPeer } from "./peer.mjs";
import { serve } from "./serve.mjs";
import { staticCopy } from "./static-copy.mjs";
import { measureWeights } from "./weights.mjs";

const started = Date.now();
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const STATIC_COPY_DIR = ".tmp/bench-static-guide";
// The Makefile builds with SITE_URL=http://127.0.0.1:4180/ (not 4190: a port browsers refuse).
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 4180);

const results = {};
const record = (name, value, unit = "") => {
  results[name] = value;
  console.log(`${name}: ${value}${unit ? ` ${unit}` : ""}`);
};

const peerDist = buildPeer();
if (peerDist) console.log(`peer: ready after ${Math.round((Date.now() - started) / 1000)} s`);
else console.log(`peer: ${PEER_SOURCE} is absent; the React peer's rows and budgets are skipped`);

const servers = [];
const startServer = async (dir, port) => {
  const server = await serve(dir, port);
  servers.push(server);
  return server;
};
const pages = {};
let lh = {};
try {
  // The app at the address its build was told (`SITE_URL`, Makefile): the guide's canonical
  // and hreflang links must name the origin Lighthouse loads.
  const app = await startServer("dist", APP_PORT);
  const peer = peerDist ? await startServer(peerDist) : null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });

  const copy = await staticCopy(browser, app.origin, "/en/", "h1", STATIC_COPY_DIR);
  console.log(`static copy of /en/: ${copy.bytes} B of HTML and ${copy.assets.join(", ")}; removed ${copy.removed.length} elements`);
  const copyServer = await startServer(STATIC_COPY_DIR);

  // The rows of the comparison; `name` is the prefix of this app's own figures.
  const rows = [
    // The guide's first load counts everything the visit fetches until the network is idle:
    // the prerendered page, and boot.js finding the built config.json, so no app is loaded.
    { key: "guide", name: "guide", label: "this app, guide `/en/`", server: app, path: "/en/", ready: "h1" },
    { key: "static_guide", label: "static HTML copy of the guide (scripts removed)", server: copyServer, path: "/en/", ready: "h1" },
    { key: "peer_guide", label: "React peer, guide `/`", server: peer, path: "/", ready: "h1" },
    { key: "wizard", name: "wizard_first_step", label: "this app, wizard `/en/request/about`", server: app, path: "/en/request/about", ready: "#requester-kind" },
    { key: "peer_wizard", label: "React peer, wizard `/request`", server: peer, path: "/request", ready: "#f-requesterType-customer" },
  ].filter((row) => row.server);

  // What a first visit fetches. (This also has each server compress its files once, before
  // Lighthouse times anything.)
  for (const row of rows) {
    const load = await firstLoad(browser, row.server.origin, row.path, row.ready);
    pages[row.key] = { label: row.label, url_path: row.path, first_load: load };
    if (row.name) {
      record(`${row.name}_first_load_raw_bytes`, load.raw, "B");
      record(`${row.name}_first_load_gzip_bytes`, load.gzip, "B");
      record(`${row.name}_first_load_brotli_bytes`, load.brotli, "B");
      results[`${row.name}_first_load_files`] = Object.keys(load.files);
    } else {
      console.log(`${row.key}_first_load_brotli_bytes: ${load.brotli} B`);
    }
  }

  // Navigation to the guide's <h1> visible, and to the first step accepting input: median of 5.
  async function medianMs(path, selector) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(app.origin + path, { waitUntil: "commit" });
      await page.waitForSelector(selector, { state: "visible" });
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    times.sort((a, b) => a - b);
    return Math.round(times[2]);
  }
  record("guide_h1_visible_median_ms", await medianMs("/en/", "h1"), "ms");
  record("wizard_first_step_interactive_median_ms", await medianMs("/en/request/about", "#requester-kind:enabled"), "ms");
  await browser.close();

  // Lighthouse, mobile preset: RUNS runs of every row, in turns; the medians.
  lh = lighthouseRounds(Object.fromEntries(rows.map((row) => [row.key, row.server.origin + row.path])), RUNS, console.log);
  for (const row of rows) pages[row.key].lighthouse_mobile = lh[row.key];
  const guide = lh.guide.median;
  for (const [figure, unit] of Object.entries({ performance: "", accessibility: "", best_practices: "", seo: "", fcp_ms: "ms", lcp_ms: "ms", tbt_ms: "ms", cls: "" })) {
    record(`lighthouse_mobile_${figure}`, guide[figure], unit);
  }
  record("lighthouse_mobile_wizard_performance", lh.wizard.median.performance);
  // And one desktop run of the guide.
  const desktop = lighthouse(`${app.origin}/en/`, "desktop");
  for (const [figure, value] of Object.entries(desktop)) record(`lighthouse_desktop_${figure}`, value, figure.endsWith("_ms") ? "ms" : "");
} finally {
  for (const server of servers) server.stop();
}

// The comparison: a markdown table and the ratios.
const fmt = (n) => (n == null ? "—" : Math.round(n).toLocaleString("en-US"));
const ratio = (a, b) => (a == null || b == null || !b ? null : Number((a / b).toFixed(2)));
const lcp = (key) => pages[key]?.lighthouse_mobile?.median.lcp_ms;
const bytes = (key) => pages[key]?.first_load.brotli;
console.log(`\nFirst load (brotli -q 11, bytes the browser fetched) and Lighthouse mobile, medians of ${RUNS} runs:\n`);
console.log("| page | first load brotli (B) | Lighthouse perf (mobile) | FCP (ms) | LCP (ms) | TBT (ms) |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const page of Object.values(pages)) {
  const m = page.lighthouse_mobile.median;
  console.log(`| ${page.label} | ${fmt(page.first_load.brotli)} | ${fmt(m.performance)} | ${fmt(m.fcp_ms)} | ${fmt(m.lcp_ms)} | ${fmt(m.tbt_ms)} |`);
}
const ratios = {
  guide_vs_static_copy_lcp: ratio(lcp("guide"), lcp("static_guide")),
  guide_vs_static_copy_bytes: ratio(bytes("guide"), bytes("static_guide")),
  guide_vs_peer_bytes: ratio(bytes("guide"), bytes("peer_guide")),
  guide_vs_peer_lcp: ratio(lcp("guide"), lcp("peer_guide")),
  wizard_vs_peer_bytes: ratio(bytes("wizard"), bytes("peer_wizard")),
  wizard_vs_peer_lcp: ratio(lcp("wizard"), lcp("peer_wizard")),
};
console.log("");
for (const [name, value] of Object.entries(ratios)) console.log(`ratio ${name}: ${value ?? "— (no peer)"}`);

// What each crate weighs in the app's wasm (bench/weights.mjs).
results.crate_weights_bytes = measureWeights(record);

// Budgets; a row without its figure (no peer) is skipped, not missed.
// (The byte budgets are make test's too: tests/e2e/budgets.spec.ts.)
const BUDGETS = [
  ["guide_first_load_brotli_bytes", results.guide_first_load_brotli_bytes, { max: 8_000 }],
  ["wizard_first_step_first_load_brotli_bytes", results.wizard_first_step_first_load_brotli_bytes, { max: 160_000 }],
  ["lighthouse_mobile_performance (guide)", results.lighthouse_mobile_performance, { min: 98 }],
  ["lighthouse_mobile_performance (wizard)", results.lighthouse_mobile_wizard_performance, { min: 98 }],
  ["lighthouse_mobile_accessibility (guide)", results.lighthouse_mobile_accessibility, { min: 100 }],
  ["lighthouse_mobile_best_practices (guide)", results.lighthouse_mobile_best_practices, { min: 100 }],
  ["lighthouse_mobile_seo (guide)", results.lighthouse_mobile_seo, { min: 100 }],
  ["guide LCP / static copy LCP", ratios.guide_vs_static_copy_lcp, { max: 1.1 }],
  ["wizard LCP / peer wizard LCP", ratios.wizard_vs_peer_lcp, { max: 0.8 }],
];
const budgets = [];
for (const [name, value, limit] of BUDGETS) {
  const bound = "max" in limit ? `<= ${limit.max}` : `>= ${limit.min}`;
  if (value == null) {
    console.log(`budget ${name}: skipped (no peer)`);
    budgets.push({ name, ...limit, value: null, ok: null });
    continue;
  }
  const ok = "max" in limit ? value <= limit.max : value >= limit.min;
  console.log(`budget ${name}: ${value} (${bound}) ${ok ? "ok" : "MISSED"}`);
  budgets.push({ name, ...limit, value, ok });
}

results.comparison = { lighthouse_mobile_runs: RUNS, peer: peerDist ? PEER_SOURCE : null, pages, ratios };
results.budgets = budgets;
results.measured_at = new Date().toISOString();
writeFileSync(join("bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
console.log(`bench: ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(budgets.some((b) => b.ok === false) ? 1 : 0);
