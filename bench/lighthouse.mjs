// Lighthouse runs (bench/node_modules, the system's Chromium) and their medians.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM = "/usr/bin/chromium";
export const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** One run of `url` with the "mobile" (Lighthouse's default) or "desktop" preset. */
export function lighthouse(url, preset = "mobile") {
  const dir = mkdtempSync(join(tmpdir(), "lh-"));
  try {
    const out = join(dir, "report.json");
    const args = [
      url, "--quiet", "--output=json", `--output-path=${out}`,
      `--chrome-flags=--headless ${FLAGS.join(" ")} --user-data-dir=${join(dir, "profile")}`,
    ];
    if (preset === "desktop") args.push("--preset=desktop");
    execFileSync("bench/node_modules/.bin/lighthouse", args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: "ignore" });
    const report = JSON.parse(readFileSync(out, "utf8"));
    const score = (c) => Math.round((report.categories[c]?.score ?? 0) * 100);
    const audit = (id) => report.audits[id]?.numericValue ?? 0;
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      best_practices: score("best-practices"),
      seo: score("seo"),
      fcp_ms: Math.round(audit("first-contentful-paint")),
      lcp_ms: Math.round(audit("largest-contentful-paint")),
      tbt_ms: Math.round(audit("total-blocking-time")),
      cls: Number(audit("cumulative-layout-shift").toFixed(3)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of each figure over several runs (each figure on its own). */
export function medians(runs) {
  return Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((run) => run[key]))]));
}

/**
 * `rounds` mobile runs of each page, taken in turns (page 1, page 2, ..., page 1, ...) so that a
 * busy spell of the machine falls on every page alike. `pages`: { key: url }.
 * Returns { key: { runs: [...], median: {...} } }.
 */
export function lighthouseRounds(pages, rounds, log = () => {}) {
  const runs = Object.fromEntries(Object.keys(pages).map((key) => [key, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const [key, url] of Object.entries(pages)) {
      const run = lighthouse(url);
      runs[key].push(run);
      log(`lighthouse mobile ${round}/${rounds} ${key}: ${run.performance}, LCP ${run.lcp_ms} ms, TBT ${run.tbt_ms} ms`);
    }
  }
  return Object.fromEntries(Object.entries(runs).map(([key, list]) => [key, { runs: list, median: medians(list) }]));
}
