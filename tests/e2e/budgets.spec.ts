// The byte budgets that protect the design's choices (the first question prerendered, pieces
// fetched when first shown, packs per locale), measured on the release dist/ as a browser
// fetches it: every answer from the page's own origin until the network is idle and the page
// is ready for the reader, each body compressed here with brotli -q 11, as a production host
// serves it. A missed budget fails with the page, its total, the budget and its files, largest
// first. (The times, which this shared machine cannot measure steadily, are `make bench`'s.)
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { ALL_LOCALES } from "./content";

const BUDGET = {
  /** The wizard's first question, with everything it fetches before the reader acts. */
  wizard: 160_000,
  /** A guide page, as a reader with the built config.json gets it. */
  guide: 8_000,
  /** What one more locale adds to either first load. */
  locale: 2_000,
};

/** The release dist/ as the shared static server serves it (playwright.config.ts). */
const ORIGIN = "http://127.0.0.1:4173";

const brotli = (body: Buffer) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** What a first visit to `path` fetches from the page's origin: each file's body, by path. */
async function firstLoad(browser: Browser, path: string, ready: (page: Page) => Promise<void>): Promise<Map<string, Buffer>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = new Map<string, Buffer>();
  const pending: Promise<void>[] = [];
  page.on("requestfinished", (request) => {
    const url = new URL(request.url());
    if (url.origin !== ORIGIN) return;
    pending.push(
      (async () => {
        const response = await request.response();
        // A missing optional file (a 404) is not part of the page; a file fetched twice counts once.
        if (response?.ok() && !bodies.has(url.pathname)) bodies.set(url.pathname, await response.body());
      })().catch(() => {}),
    );
  });
  await page.goto(ORIGIN + path);
  await ready(page);
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  await context.close();
  return bodies;
}

const compressed = (files: Map<string, Buffer>) =>
  [...files].map(([name, body]) => ({ name, bytes: brotli(body) })).sort((a, b) => b.bytes - a.bytes);
const total = (files: { bytes: number }[]) => files.reduce((sum, f) => sum + f.bytes, 0);
const n = (x: number) => x.toLocaleString("en");

function expectWithin(what: string, files: Map<string, Buffer>, budget: number) {
  const sizes = compressed(files);
  const sum = total(sizes);
  const list = sizes.map((f) => `  ${f.name}: ${n(f.bytes)} B`).join("\n");
  console.log(`${what}: ${n(sum)} B brotli (budget ${n(budget)} B)`);
  expect(sum, `${what}: ${n(sum)} B brotli, over the budget of ${n(budget)} B. Its files:\n${list}\n`).toBeLessThanOrEqual(budget);
}

const wizardReady = async (page: Page) => {
  await expect(page.locator("#requester-kind")).toBeEnabled();
  // The app has taken the prerendered question over: what it fetched is part of the load.
  await expect(page.locator("[data-fasttrack]")).not.toHaveAttribute("data-prerendered", { timeout: 15_000 });
};
const guideReady = async (page: Page) => {
  await expect(page.locator("h1")).toBeVisible();
  // Past the idle moment boot.js waits for before it decides whether the app is needed.
  await page.waitForTimeout(2500);
};

test.describe("first-load budgets", () => {
  let wizard: Map<string, Buffer>;
  let guide: Map<string, Buffer>;
  test.beforeAll(async ({ browser }) => {
    wizard = await firstLoad(browser, "/en/request/about", wizardReady);
    guide = await firstLoad(browser, "/en/", guideReady);
  });

  test(`the wizard's first question fetches at most ${n(BUDGET.wizard)} B before the reader acts`, () => {
    expect([...wizard.keys()].some((f) => f.endsWith(".wasm")), "the app was not loaded").toBe(true);
    expectWithin("wizard first load /en/request/about", wizard, BUDGET.wizard);
  });

  test(`a guide page is at most ${n(BUDGET.guide)} B`, () => {
    expectWithin("guide first load /en/", guide, BUDGET.guide);
  });

  // A locale's text is its packs, fetched only by a reader in that locale: every other first
  // load carries only its entry in the app's index (its tag, name, pack names and the one
  // message it keeps in the app), its three pack hashes in boot.js and its links on a page.
  // What that adds is at most what all of it takes compressed on its own (in the files, where
  // brotli finds much of it already said, it takes less): that is what is held to the budget.
  test(`one more locale adds at most ${n(BUDGET.locale)} B to either first load`, () => {
    const others = ALL_LOCALES.filter((tag) => tag !== "en");
    expect(others.length).toBeGreaterThan(0);
    for (const [name, load] of [["wizard /en/request/about", wizard], ["guide /en/", guide]] as const) {
      const costs = others.map((tag) => {
        const found = [...load.values()].flatMap((body) => ofLocale(body, tag));
        expect(found.length, `${tag}: nothing of it was found in the ${name} first load`).toBeGreaterThan(0);
        const cost = brotli(Buffer.concat(found));
        expect(cost, `${tag} adds up to ${n(cost)} B to the ${name} first load, over the budget of ${n(BUDGET.locale)} B`).toBeLessThanOrEqual(BUDGET.locale);
        return cost;
      });
      console.log(`${name}: each other locale adds at most ${n(Math.min(...costs))} to ${n(Math.max(...costs))} B`);
    }
  });
});

/** What `body` holds of locale `tag`: its links (a page), its pack hashes (boot.js), its entry
 * in the app's index (the wasm): the byte strings of its tag, its name, its one kept message
 * and its pack names, wherever they stand. */
function ofLocale(body: Buffer, tag: string): Buffer[] {
  let text = body.toString("latin1");
  const found: string[] = [];
  const take = (pattern: RegExp | string) => {
    const parts = typeof pattern === "string" ? text.split(pattern) : null;
    if (parts) {
      found.push(...Array(parts.length - 1).fill(pattern));
      text = parts.join("");
    } else {
      text = text.replace(pattern as RegExp, (m) => (found.push(m), ""));
    }
  };
  // A page's alternate links and its language list entry; boot.js's pack hashes.
  take(new RegExp(`<link rel="alternate" hreflang="${tag}"[^>]*>`, "g"));
  take(new RegExp(`<li><a [^>]*hreflang="${tag}"[^>]*>[^<]*</a></li>`, "g"));
  take(new RegExp(`"${tag}":\\[[^\\]]*\\],?`, "g"));
  for (const s of localeStrings(tag)) take(Buffer.from(s, "utf8").toString("latin1"));
  return found.map((f) => Buffer.from(f, "latin1"));
}

/** The texts a locale's entry in the app's index is made of, longest first. */
function localeStrings(tag: string): string[] {
  const toml = readFileSync(join(__dirname, "../../content/locales", `${tag}.toml`), "utf8");
  const entry = (key: string) => JSON.parse(toml.match(new RegExp(`^${key} = (".*")$`, "m"))![1]) as string;
  const packs = readdirSync("dist/locales").filter((f) => f.startsWith(`${tag}.`));
  expect(packs, `dist/locales has no packs for ${tag}`).toHaveLength(3);
  return [...packs, entry("load_failed"), entry("language_name"), entry("intl"), tag].sort((a, b) => b.length - a.length);
}
