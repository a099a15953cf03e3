// What the app sends where, and what it keeps: the deployment's settings over a page's, one app
// per page, boot.js finding its own files, stored answers swept whatever the policy, an
// idempotency key never sent past the contract's window, Trusted Types, and the build's
// prerender taking page text as text.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { pageHtml } from "../../scripts/prerender.mjs";
import { source } from "./content";
import { startStaticServer, stop } from "./servers";
import { DRAFT_KEY, REFERENCE, seedDraft, validDraft } from "./wizard-helpers";
import { STRINGS } from "./wizard-strings";
import type { ChildProcess } from "node:child_process";

const FAULTY = "http://127.0.0.1:4174";
const HOSTS = "http://127.0.0.1:4178";
const TRUSTED_TYPES = "http://127.0.0.1:4179";
const CONFIRMATION_KEY = "fasttrack:request-confirmation";
const HOUR = 3_600_000;
const s = STRINGS.en;

type Entry = { key: string; url: string; csrf: string | null };
const log = async (request: APIRequestContext): Promise<Entry[]> => (await request.get(`${FAULTY}/__log`)).json();

let hosts: ChildProcess | undefined;
let trustedTypes: ChildProcess | undefined;
test.beforeAll(async () => {
  hosts = await startStaticServer([
    "--port", "4178",
    "--mount", "/fasttrack/=dist",
    "--mount", "/portal/=tests/e2e/host-trust/portal",
    "--mount", "/two-apps/=tests/e2e/host-trust/two-apps",
    "--mount", "/cache-buster/=tests/e2e/host-trust/cache-buster",
    "--mount", "/other-vendor/=tests/e2e/host-trust/other-vendor",
    "--mount", "/cross-origin/=tests/e2e/host-trust/cross-origin",
    "--mount", "/cross-origin-unlisted/=tests/e2e/host-trust/cross-origin-unlisted",
    "--proxy", "/api=http://127.0.0.1:4174",
  ]);
  // dist/ as built, under a strict CSP that also requires Trusted Types for every HTML sink.
  trustedTypes = await startStaticServer([
    "--port", "4179", "--dir", "dist", "--proxy", "/api=http://127.0.0.1:4174",
    "--header",
    "Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'",
  ]);
});
test.afterAll(() => {
  stop(hosts);
  stop(trustedTypes);
});
test.beforeEach(async ({ request }) => {
  await request.delete(`${FAULTY}/__faults`);
});

/** The console's messages, as they come. */
function consoleOf(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (m) => messages.push(m.text()));
  page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
  return messages;
}

/** The deployment's config.json (beside the boot.js the page loads). */
const deploy = (page: Page, settings: object) =>
  page.route("**/config.json", (route) => route.fulfill({ json: settings }));

test.describe("answers go only where the deployment says", () => {
  const sendFromPortal = async (page: Page) => {
    await seedDraft(page, validDraft(), "check");
    await page.goto(`${HOSTS}/portal/help/en/request/check`);
    await page.locator("form.ft-form button[type=submit]").click();
    await expect(page).toHaveURL(/\/request\/confirmation$/);
  };

  test("a user-written element cannot move the answers, nor the deployment's headers, when config.json locks them", async ({ page, request }) => {
    const messages = consoleOf(page);
    await deploy(page, { endpoint: "/api/requests", headers: { "X-CSRF-Token": "t1" }, locked: ["endpoint", "headers"] });
    await sendFromPortal(page);
    const [entry] = await log(request);
    expect(entry.url).toBe("/api/requests");
    expect(entry.csrf).toBe("t1");
    expect(messages).toContain("fasttrack: data-* attributes: `endpoint` is locked by config.json; keeping its value.");
  });

  test("unlocked, an element's endpoint applies, but the deployment's headers never go with it", async ({ page, request }) => {
    const messages = consoleOf(page);
    await deploy(page, { endpoint: "/api/requests", headers: { "X-CSRF-Token": "t1" } });
    await sendFromPortal(page);
    const [entry] = await log(request);
    // (gloo-net writes a query's end as `&`.)
    expect(entry.url).toMatch(/^\/api\/requests\?elsewhere=1&?$/);
    expect(entry.csrf).toBeNull();
    expect(messages).toContain(
      "fasttrack: data-* attributes: `endpoint` moves requests to `/api/requests?elsewhere=1`: the headers set for `/api/requests` are not sent there.",
    );
  });

  test("one app per page: a second mount element is refused by name", async ({ page }) => {
    const messages = consoleOf(page);
    await page.goto(`${HOSTS}/two-apps/help/en/`);
    await expect(page.locator("#help h1")).toHaveText(source("en").title);
    await expect.poll(() => messages.filter((m) => m.includes("was not mounted"))).toEqual([
      'fasttrack: <div id="injected" data-fasttrack> was not mounted: an app is already mounted on this page, and a page holds one app at most.',
    ]);
    await expect(page.locator("#injected")).toBeEmpty();
  });
});

// No route on these pages: a page with routes has Playwright answer CORS preflights itself.
test("a receiver on another origin: its preflight allows the deployment's own header, and refuses one it was not told of", async ({ page }) => {
  const RECEIVER_DB = ".tmp/e2e-requests.sqlite"; // the receiver's --db (playwright.config.ts)
  const stored = () => Number(execFileSync("target/debug/receiver", ["--db", RECEIVER_DB, "--count"], { encoding: "utf8" }).trim());
  const before = stored();
  // Started with --allow-origin for this origin and --allow-header X-Tenant.
  await seedDraft(page, validDraft({ project_name: "Cross-origin" }), "check");
  await page.goto(`${HOSTS}/cross-origin/help/en/request/check`);
  await page.locator("form.ft-form button[type=submit]").click();
  await expect(page).toHaveURL(/\/request\/confirmation$/);
  await expect(page.locator("#ft-reference")).toHaveText(REFERENCE);
  expect(stored()).toBe(before + 1);
  // X-Unlisted was not named by --allow-header: the preflight fails, nothing is sent.
  const other = await page.context().newPage();
  await seedDraft(other, validDraft({ project_name: "Unlisted header" }), "check");
  await other.goto(`${HOSTS}/cross-origin-unlisted/help/en/request/check`);
  await other.locator("form.ft-form button[type=submit]").click();
  await expect(other.locator("#ft-failure")).toContainText(s.unreachable, { timeout: 15_000 });
  expect(stored()).toBe(before + 1);
  await other.close();
});

test("boot.js finds its files beside itself: after another vendor's boot.js, with a cache buster", async ({ page }) => {
  await page.goto(`${HOSTS}/cache-buster/help/en/`);
  await expect(page.locator("html")).toHaveAttribute("data-other-vendor", "loaded");
  await expect(page.locator("fasttrack-onboarding h1")).toHaveText(source("en").title);
});

test.describe("stored answers are swept whatever the policy", () => {
  /** Stores what an earlier visit kept, before any script of the page runs (once a tab). */
  const keptBefore = (page: Page, entries: Record<string, object>, where: "localStorage" | "sessionStorage" = "localStorage") =>
    page.addInitScript(
      ([entries, where]) => {
        if (sessionStorage.getItem("kept-before")) return;
        for (const [key, value] of Object.entries(entries)) window[where].setItem(key, JSON.stringify(value));
        sessionStorage.setItem("kept-before", "1");
      },
      [entries, where] as const,
    );
  const keys = (page: Page, where: "localStorage" | "sessionStorage") =>
    page.evaluate((where) => Object.keys(window[where]).filter((k) => k.startsWith("fasttrack:request-")).sort(), where);
  /** A guide page, once the app has taken it over (or would have). */
  const guideTakenOver = async (page: Page) => {
    await page.goto("/en/");
    await expect(page.locator("[data-fasttrack]")).not.toHaveAttribute("data-prerendered", { timeout: 10_000 });
  };

  test("answers and a reference kept on the device go when the deployment now keeps them for the tab: on a guide page too", async ({ page }) => {
    await keptBefore(page, {
      [DRAFT_KEY]: { version: 1, saved_at: Date.now(), page: "about", draft: validDraft() },
      [CONFIRMATION_KEY]: { reference: "FT-2026-7KM3-Q9XD", saved_at: Date.now() },
    });
    await deploy(page, { draft_storage: "session" });
    await guideTakenOver(page);
    await expect.poll(() => keys(page, "localStorage")).toEqual([]);
  });

  test("under the default policy, an expired draft goes from a guide page, a current one stays", async ({ page, context }) => {
    await keptBefore(page, {
      [DRAFT_KEY]: { version: 1, saved_at: Date.now() - 31 * 24 * HOUR, page: "about", draft: validDraft() },
    });
    await guideTakenOver(page);
    await expect.poll(() => keys(page, "localStorage")).toEqual([]);

    const other = await context.newPage();
    await keptBefore(other, { [DRAFT_KEY]: { version: 1, saved_at: Date.now() - HOUR, page: "about", draft: validDraft() } });
    await guideTakenOver(other);
    await other.waitForTimeout(500);
    expect(await keys(other, "localStorage")).toEqual([DRAFT_KEY]);
    await other.close();
  });

  test("with nothing kept, a guide page stays static: no WebAssembly is fetched", async ({ page }) => {
    const wasm: string[] = [];
    page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
    await page.goto("/en/");
    await page.waitForTimeout(2500); // past the idle moment a takeover would wait for
    expect(wasm).toEqual([]);
  });

  test("answers kept for the tab go when the deployment keeps none", async ({ page }) => {
    await keptBefore(page, { [DRAFT_KEY]: { version: 1, saved_at: Date.now(), page: "about", draft: validDraft() } }, "sessionStorage");
    await deploy(page, { draft_storage: "none" });
    await page.goto("/en/request");
    await expect(page.locator("h1")).toBeVisible();
    await expect.poll(() => keys(page, "sessionStorage")).toEqual([]);
  });

  test("localStorage.clear() in another tab is a removal of the answers in this one", async ({ page, context }) => {
    await deploy(page, { draft_storage: "local" });
    await seedDraft(page, validDraft(), "organisation");
    await page.goto("/en/request/organisation");
    await expect(page.locator("#project-name")).toHaveValue("Contoso migration");
    const other = await context.newPage();
    await other.goto("/en/");
    await other.evaluate(() => localStorage.clear());
    await expect(page.locator("#ft-other-tab")).toHaveText(s.removedInOtherTab);
    await expect(page.locator("#project-name")).toHaveValue("");
    // Nothing is written back.
    await page.waitForTimeout(300);
    expect(await keys(page, "localStorage")).toEqual([]);
    await other.close();
  });
});

/** At `start` on the page's clock, a send that fails at once (a 401, nothing stored): its key
 * stays with the answers, for a retry. */
async function failedSendAt(page: Page, request: APIRequestContext, start: number) {
  await page.clock.setFixedTime(start);
  await request.post(`${FAULTY}/__faults`, { data: [{ status: 401 }] });
  await seedDraft(page, validDraft(), "check");
  await page.goto("/en/request/check");
  await page.locator("form.ft-form button[type=submit]").click();
  await expect(page.locator("#ft-failure")).toContainText(s.signIn);
}

test("a key older than the contract's window is never sent again: the reader is told, and the next send is a new request", async ({ page, request }) => {
  const start = Date.now();
  await failedSendAt(page, request, start);
  const button = page.locator("form.ft-form button[type=submit]");
  const [first] = await log(request);

  // A day later, the tab still open: Try again sends nothing, and says why.
  await page.clock.setFixedTime(start + 24 * HOUR);
  await button.click();
  await expect(page.locator("#ft-stale-send")).toBeFocused();
  await expect(page.locator("#ft-stale-send")).toHaveText(s.staleSend);
  expect(await log(request)).toHaveLength(1);
  // The reader sends again: a new request, with a new key.
  await button.click();
  await expect(page).toHaveURL(/\/request\/confirmation$/);
  const entries = await log(request);
  expect(entries).toHaveLength(2);
  expect(entries[1].key).not.toBe(first.key);
});

test("a key kept across a reload is dropped once older than the window, and the review says so on arrival", async ({ page, request }) => {
  const start = Date.now();
  await failedSendAt(page, request, start);
  const stored = () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null")?.submission ?? null, DRAFT_KEY);
  expect((await stored()).since).toBe(start);
  // Within the window the key is kept; past it, gone from storage, and the reader is told.
  await page.clock.setFixedTime(start + 23 * HOUR);
  await page.reload();
  await expect(page.locator("h1")).toHaveText(s.check);
  await expect(page.locator("#ft-stale-send")).toHaveCount(0);
  expect(await stored()).not.toBeNull();
  await page.clock.setFixedTime(start + 25 * HOUR);
  await page.reload();
  await expect(page.locator("#ft-stale-send")).toHaveText(s.staleSend);
  await expect.poll(stored).toBeNull();
});

test.describe("under a CSP that requires Trusted Types", () => {
  test("the guide, a question, the next question and the review work, with no violation", async ({ page }) => {
    const messages = consoleOf(page);
    // The guide as the app draws it (settings make it take the prerendered page over).
    await deploy(page, { timeout_ms: 9000 });
    await page.goto(`${TRUSTED_TYPES}/en/`);
    await expect(page.locator("[data-fasttrack]")).not.toHaveAttribute("data-prerendered", { timeout: 10_000 });
    await expect(page.locator("h1")).toHaveText(source("en").title);
    await expect(page.locator(".ft-diagram__number")).toHaveText(["1", "2"]);
    // In place, through the app: the wizard's first question, then the next from its piece.
    await page.goto(`${TRUSTED_TYPES}/en/request/about`);
    await page.locator("#requester-kind").check();
    await page.locator("form.ft-form button[type=submit]").click();
    await expect(page).toHaveURL(/\/en\/request\/services$/);
    await expect(page.locator("#products")).toBeVisible();
    // Back to the guide, in place: drawn by the app from its piece.
    await page.locator(".ft-nav a[href$='/en/']").first().click();
    await expect(page).toHaveURL(/\/en\/$/);
    await expect(page.locator(".ft-diagram__number")).toHaveText(["1", "2"]);
    // The review, and the confirmation, in a tab of their own (this one keeps its answers).
    const review = await page.context().newPage();
    const reviewMessages = consoleOf(review);
    await seedDraft(review, validDraft(), "check");
    await review.goto(`${TRUSTED_TYPES}/en/request/check`);
    await expect(review.locator("h1")).toHaveText(s.check);
    await review.locator("form.ft-form button[type=submit]").click();
    await expect(review).toHaveURL(/\/request\/confirmation$/);
    const violations = [...messages, ...reviewMessages].filter((m) => /Trusted ?Type|TrustedHTML|pageerror/i.test(m));
    expect(violations).toEqual([]);
    await review.close();
  });
});

test("the prerender takes a page's text as text: a `$'` in a translation stays as written", () => {
  const shell = readFileSync("dist/index.html", "utf8");
  const page = {
    tag: "en",
    path: "en/",
    title: "Title $' $& $`",
    description: "Description $'",
    body: "<p>A $' B $` C $& D $$ E $1</p>",
    language: "English",
    packs: ["en.1.txt", "en.wizard.2.txt", "en.guide.3.txt"],
  };
  const html = pageHtml(shell, page, [page], { siteUrl: "", question: false, wizardCss: "wizard.css" });
  expect(html).toContain(`data-prerendered data-packs="en.1.txt en.wizard.2.txt en.guide.3.txt">${page.body}</div>`);
  expect(html).toContain("<title>Title $' $&amp; $`</title>");
  expect(html).toContain('content="Description $\'"');
  expect(html.match(/<html/g)).toHaveLength(1);
});
