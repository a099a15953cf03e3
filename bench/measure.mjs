// `make bench`: figures for the release dist/, one a line, also written to bench/results.json.
// Exits non-zero when a budget is missed. Run it on a quiet machine; compare ratios within
// one run rather than absolute times across runs.
import { chromium } from "@playwright/test";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { measureWeights } from "./weights.mjs";

const PORT = 4190;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const BUDGETS = {
  "guide_first_load_brotli_bytes": { max: 100_000 },
  "lighthouse_mobile_performance": { min: 95 },
  "lighthouse_mobile_accessibility": { min: 100 },
  "lighthouse_mobile_best_practices": { min: 100 },
  "lighthouse_mobile_seo": { min: 100 },
};

const results = {};
const record = (name, value, unit = "") => {
  results[name] = value;
  console.log(`${name}: ${value}${unit ? ` ${unit}` : ""}`);
};

// Served brotli-compressed, as a production host would: Lighthouse then sees the bytes a real
// visit transfers. (The byte counts below compress each file themselves.)
const server = spawn("node", ["tests/e2e/static-server.mjs", "--dir", "dist", "--port", String(PORT), "--compress"], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));

try {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });

  // What a first visit fetches, measured from the browser's own requests.
  async function firstLoad(path, ready) {
    const page = await browser.newPage();
    const files = new Set();
    page.on("requestfinished", (r) => {
      const url = new URL(r.url());
      if (url.origin === ORIGIN) files.add(url.pathname);
    });
    await page.goto(ORIGIN + path);
    await page.waitForSelector(ready);
    await page.waitForLoadState("networkidle");
    await page.close();
    let raw = 0, gzip = 0, brotli = 0;
    for (const file of files) {
      const name = file.endsWith("/") || !basename(file).includes(".") ? "index.html" : basename(file);
      let body;
      try {
        body = readFileSync(join("dist", name));
      } catch {
        continue; // config.json: absent by default
      }
      raw += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
      brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    return { raw, gzip, brotli, files: [...files].sort() };
  }

  for (const [name, path, ready] of [
    ["guide", "/en/", "h1"],
    ["wizard_first_step", "/en/request/about", "#requester-kind"],
  ]) {
    const load = await firstLoad(path, ready);
    record(`${name}_first_load_raw_bytes`, load.raw, "B");
    record(`${name}_first_load_gzip_bytes`, load.gzip, "B");
    record(`${name}_first_load_brotli_bytes`, load.brotli, "B");
    results[`${name}_first_load_files`] = load.files;
  }

  // Navigation to the guide's <h1> visible, and to the first step accepting input: median of 5.
  async function medianMs(path, selector) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(ORIGIN + path, { waitUntil: "commit" });
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

  // Lighthouse, mobile and desktop presets.
  for (const preset of ["mobile", "desktop"]) {
    const out = join(mkdtempSync(join(tmpdir(), "lh-")), "report.json");
    const args = [
      `${ORIGIN}/en/`, "--quiet", "--output=json", `--output-path=${out}`,
      `--chrome-flags=--headless ${FLAGS.join(" ")} --user-data-dir=${mkdtempSync(join(tmpdir(), "lh-profile-"))}`,
    ];
    if (preset === "desktop") args.push("--preset=desktop");
    execFileSync("bench/node_modules/.bin/lighthouse", args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: "ignore" });
    const report = JSON.parse(readFileSync(out, "utf8"));
    const score = (c) => Math.round((report.categories[c]?.score ?? 0) * 100);
    record(`lighthouse_${preset}_performance`, score("performance"));
    record(`lighthouse_${preset}_accessibility`, score("accessibility"));
    record(`lighthouse_${preset}_best_practices`, score("best-practices"));
    record(`lighthouse_${preset}_seo`, score("seo"));
    const audit = (id) => report.audits[id]?.numericValue ?? null;
    record(`lighthouse_${preset}_fcp_ms`, Math.round(audit("first-contentful-paint")), "ms");
    record(`lighthouse_${preset}_lcp_ms`, Math.round(audit("largest-contentful-paint")), "ms");
    record(`lighthouse_${preset}_tbt_ms`, Math.round(audit("total-blocking-time")), "ms");
    record(`lighthouse_${preset}_cls`, Number((audit("cumulative-layout-shift") ?? 0).toFixed(3)));
  }
} finally {
  server.kill();
}

// What each crate weighs in each build (bench/weights.mjs).
results.crate_weights_bytes = measureWeights(record);

results.measured_at = new Date().toISOString();
writeFileSync("bench/results.json", JSON.stringify(results, null, 2) + "\n");

let missed = 0;
for (const [name, budget] of Object.entries(BUDGETS)) {
  const value = results[name];
  const ok = ("max" in budget ? value <= budget.max : true) && ("min" in budget ? value >= budget.min : true);
  console.log(`budget ${name}: ${value} (${"max" in budget ? `<= ${budget.max}` : `>= ${budget.min}`}) ${ok ? "ok" : "MISSED"}`);
  if (!ok) missed++;
}
process.exit(missed ? 1 : 0);
