// Embedding in an admin portal under a strict Content Security Policy, and serving dist/
// under a sub-path with a config.json that points at a receiver on another origin.
import { expect, test, type Page } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { source } from "./content";
import { startStaticServer, stop } from "./servers";
import { REFERENCE, answerFromServicesToCheck, validDraft } from "./wizard-helpers";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const HOST = "http://127.0.0.1:4176";
const SUBPATH = "http://127.0.0.1:4175";
let host: ChildProcess | undefined;
let subpath: ChildProcess | undefined;

test.beforeAll(async () => {
  host = await startStaticServer([
    "--port", "4176",
    "--mount", "/fasttrack/=dist",
    "--mount", "/portal/=tests/e2e/host",
    "--mount", "/manual/=tests/e2e/host-manual",
    "--proxy", "/api=http://127.0.0.1:4174",
    "--header", `Content-Security-Policy: ${CSP}`,
  ]);
  // dist/ as a deployer installs it under a sub-path: one <base href> line and a config.json.
  const dir = ".tmp/e2e-subpath";
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync("dist", dir, { recursive: true });
  const index = readFileSync(`${dir}/index.html`, "utf8").replace('<base href="/" />', '<base href="/tools/fasttrack/" />');
  writeFileSync(`${dir}/index.html`, index);
  writeFileSync(`${dir}/config.json`, JSON.stringify({ endpoint: "http://127.0.0.1:8788/api/requests", base: "/tools/fasttrack" }));
  subpath = await startStaticServer(["--port", "4175", "--dir", dir, "--base", "/tools/fasttrack/"]);
});

test.afterAll(() => {
  stop(host);
  stop(subpath);
});

const hostLog = (page: Page) => page.evaluate(() => (window as unknown as { hostLog: { name: string; detail: any }[] }).hostLog);

test("embedded in a portal with a strict CSP: host untouched, events arrive, no violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    (window as any).__keysBefore = Object.keys(window);
  });
  await page.goto(`${HOST}/portal/help`);
  await expect(page.locator("#ft h1")).toHaveText(source("en").title);
  await expect(page).toHaveURL(`${HOST}/portal/help/en/`);

  // The host's own styles, title and lang are as it set them.
  await expect(page.locator("#host-title")).toHaveCSS("color", "rgb(120, 0, 0)");
  await expect(page.locator("#host-title")).toHaveCSS("font-size", "40px");
  await expect(page.locator(".host-text")).toHaveCSS("line-height", "30px");
  await expect(page.locator("body")).toHaveCSS("background-color", "rgb(250, 245, 235)");
  await expect(page.locator("body")).toHaveCSS("margin", "0px");
  await expect(page.locator("#host-settings")).toHaveCSS("color", "rgb(255, 255, 255)");
  expect(await page.title()).toBe("Contoso Admin");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("de");
  // One documented global, FastTrack (hostLog is the host's own, __keysBefore the test's).
  const added = await page.evaluate(() =>
    Object.keys(window).filter((k) => !(window as any).__keysBefore.includes(k) && !["hostLog", "__keysBefore"].includes(k)),
  );
  expect(added).toEqual(["FastTrack"]);

  let log = await hostLog(page);
  expect(log.map((e) => e.name)).toContain("fasttrack:ready");
  // The app's links are under its base; the wizard announces its pages.
  await page.locator("#ft .ft-nav a", { hasText: "Request assistance" }).click();
  await expect(page).toHaveURL(`${HOST}/portal/help/en/request`);
  await page.locator("#ft a.ft-button--start").click();
  await expect(page).toHaveURL(`${HOST}/portal/help/en/request/about`);
  log = await hostLog(page);
  expect(log.filter((e) => e.name === "fasttrack:step").map((e) => e.detail)).toEqual([
    { page: "start", step: null, locale: "en" },
    { page: "about", step: 1, locale: "en" },
  ]);

  // A request sent from the portal: fasttrack:submitted carries the reference shown.
  await page.evaluate((draft) => {
    sessionStorage.setItem("fasttrack:request-draft", JSON.stringify({ version: 1, saved_at: Date.now(), page: "check", draft }));
  }, validDraft());
  await page.goto(`${HOST}/portal/help/en/request/check`);
  await page.locator("#ft form.ft-form button[type=submit]").click();
  await expect(page.locator("#ft-reference")).toHaveText(REFERENCE);
  const reference = await page.locator("#ft-reference").textContent();
  log = await hostLog(page);
  expect(log.filter((e) => e.name === "fasttrack:submitted").map((e) => e.detail)).toEqual([{ reference }]);

  // The host's links are the host's, even to the app's own pages: a real navigation, not the
  // app's in-place move (a mark set on this document is gone after it).
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.locator("#host-help-fr").click();
  await expect(page).toHaveURL(`${HOST}/portal/help/fr-FR/`);
  await expect(page.locator("#ft h1")).toHaveText(source("fr-FR").title);
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBeUndefined();
  await page.locator("#host-settings").click();
  await expect(page).toHaveURL(`${HOST}/portal/settings.html`);
  await expect(page.locator("#host-title")).toHaveText("Einstellungen");

  expect(violations).toEqual([]);
  await page.goBack();
  expect((await hostLog(page)).filter((e) => e.name === "csp")).toEqual([]);
});

test("on a portal page outside its base, the app shows the guide and a whole request can be sent from there", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  // The portal's dashboard, /portal/, shows the app (data-base="/portal/help") as a help panel.
  await page.goto(`${HOST}/portal/`);
  await expect(page.locator("#ft h1")).toHaveText(source("en").title);
  await expect(page).toHaveURL(`${HOST}/portal/`);
  await expect(page.locator("#ft .ft-nav a").first()).toHaveAttribute("href", "/portal/help/en/");
  await expect(page.locator("#ft .ft-languages a[hreflang=fr-FR]")).toHaveAttribute("href", "/portal/help/fr-FR/");

  // From there, the whole wizard, by mouse and keyboard, to a sent request.
  await page.locator("#ft .ft-nav a", { hasText: "Request assistance" }).click();
  await expect(page).toHaveURL(`${HOST}/portal/help/en/request`);
  await page.locator("#ft a.ft-button--start").click();
  await page.locator("#requester-kind").check();
  await page.locator("#ft form.ft-form button[type=submit]").click();
  await answerFromServicesToCheck(page, (slug) => `${HOST}/portal/help/en/request/${slug}`, "Dashboard request");
  await page.locator("#ft form.ft-form button[type=submit]").click();
  await expect(page.locator("#ft-reference")).toHaveText(REFERENCE);
  const reference = await page.locator("#ft-reference").textContent();
  const log = await hostLog(page);
  expect(log.filter((e) => e.name === "fasttrack:submitted").map((e) => e.detail)).toEqual([{ reference }]);
  expect(violations).toEqual([]);
  expect(log.filter((e) => e.name === "csp")).toEqual([]);
});

test("a submission failure is told to the host as fasttrack:error", async ({ page, request }) => {
  await request.delete("http://127.0.0.1:4174/__faults");
  await request.post("http://127.0.0.1:4174/__faults", { data: [{ status: 401 }] });
  await page.goto(`${HOST}/portal/help/en/`);
  await page.evaluate((draft) => {
    sessionStorage.setItem("fasttrack:request-draft", JSON.stringify({ version: 1, saved_at: Date.now(), page: "check", draft }));
  }, validDraft());
  await page.goto(`${HOST}/portal/help/en/request/check`);
  await page.locator("#ft form.ft-form button[type=submit]").click();
  await expect(page.locator("#ft-failure")).toBeVisible();
  const errors = (await hostLog(page)).filter((e) => e.name === "fasttrack:error").map((e) => e.detail);
  expect(errors).toEqual([{ kind: "submission", reason: "sign_in_again" }]);
});

test("a host script can mount, unmount and mount again", async ({ page }) => {
  await page.goto(`${HOST}/manual/`);
  await page.waitForFunction(() => "FastTrack" in window);
  const app = page.locator("#ft-manual");
  await expect(app).toBeEmpty();
  await page.locator("#host-mount").click();
  await expect(app.locator("h1")).toHaveText(source("en").title);
  await expect(app.locator(".ft-languages a")).toHaveCount(1); // locales: ["en"]
  await page.locator("#host-unmount").click();
  await expect(app).toBeEmpty();
  await page.locator("#host-mount").click();
  await expect(app.locator("h1")).toHaveText(source("en").title);
  const ready = (await hostLog(page)).filter((e) => e.name === "fasttrack:ready");
  expect(ready).toHaveLength(2);
  expect(ready[1].detail).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
});

test("under a sub-path with config.json: deep links, reloads, and a cross-origin receiver", async ({ page }) => {
  await page.goto(`${SUBPATH}/tools/fasttrack/`);
  await expect(page).toHaveURL(`${SUBPATH}/tools/fasttrack/en/`);
  await expect(page.locator("h1")).toHaveText(source("en").title);
  await page.goto(`${SUBPATH}/tools/fasttrack/fr-FR/request/about`);
  await expect(page).toHaveURL(`${SUBPATH}/tools/fasttrack/fr-FR/request/about`);
  await page.reload();
  await expect(page.locator("h1")).toHaveText("Qui demande de l’assistance ?");
  // The app's links, once it has taken the prerendered question over (whose links are relative).
  await expect(page.locator("[data-fasttrack]")).not.toHaveAttribute("data-prerendered", { timeout: 10_000 });
  const hrefs = await page.locator(".ft-nav a, .ft-languages a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(hrefs.every((h) => h!.startsWith("/tools/fasttrack/"))).toBe(true);
  await page.evaluate((draft) => {
    localStorage.setItem("fasttrack:request-draft", JSON.stringify({ version: 1, saved_at: Date.now(), page: "check", draft }));
  }, validDraft());
  await page.goto(`${SUBPATH}/tools/fasttrack/en/request/check`);
  await page.locator("form.ft-form button[type=submit]").click();
  await expect(page).toHaveURL(`${SUBPATH}/tools/fasttrack/en/request/confirmation`);
  await expect(page.locator("#ft-reference")).toHaveText(REFERENCE);
});

test("a malformed config.json is reported and the app still renders the guide", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.route("**/config.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: "{ endpoint: oops" }));
  await page.goto("/en/");
  // The page is prerendered: wait for the app to have read config.json and taken it over.
  await expect(page.locator("[data-fasttrack]")).not.toHaveAttribute("data-prerendered", { timeout: 10_000 });
  await expect(page.locator("h1")).toHaveText(source("en").title);
  expect(errors.some((e) => e.includes("fasttrack: config.json is not valid"))).toBe(true);
});

test("a bad setting is refused by name and the app runs on the default", async ({ page }) => {
  const warnings: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "warning") warnings.push(m.text());
  });
  await page.route("**/config.json", (route) => route.fulfill({ json: { credentials: "sometimes", locales: ["en", "de"] } }));
  await page.goto("/en/");
  await expect(page.locator("[data-fasttrack]")).not.toHaveAttribute("data-prerendered", { timeout: 10_000 });
  await expect(page.locator("h1")).toHaveText(source("en").title);
  expect(warnings.some((w) => w.includes("`credentials` is `sometimes`"))).toBe(true);
  expect(warnings.some((w) => w.includes("`locales` names unknown locales"))).toBe(true);
  await expect(page.locator(".ft-languages a")).toHaveCount(1);
});
