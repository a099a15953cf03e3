// The guide as HTML first (scripts/prerender.mjs): readable without JavaScript or where
// WebAssembly is blocked, under any sub-path with no edit, and taken over by the app without a
// visible change.
import { expect, test, type Page } from "@playwright/test";
import { ALL_LOCALES, LOCALES, source, chooseLanguage } from "./content";
import { serveRefusingWasm } from "./servers";
import { holdWasm, watchLayoutShifts } from "./takeover";

/** The roles table and the diagram, as the sources give them. */
async function expectSourceFacts(page: Page, tag: string) {
  const facts = source(tag);
  await expect(page.locator("h1")).toHaveText(facts.title);
  await expect(page.getByText(facts.diagramTitle, { exact: true })).toBeVisible();
  const table = page.locator(".ft-guide table");
  for (const role of facts.roles) {
    await expect(table.getByRole("rowheader", { name: role.name })).toBeVisible();
    for (const duty of role.responsibilities) await expect(table).toContainText(duty);
  }
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  // Every locale: a static page each, cheap to check.
  for (const tag of ALL_LOCALES) {
    test(`${tag}: the page carries the whole guide, its own head, and plain links`, async ({ page }) => {
      await page.goto(`/${tag}/`);
      await expectSourceFacts(page, tag);
      await expect(page.locator("html")).toHaveAttribute("lang", tag);
      await expect(page).toHaveTitle(new RegExp(`^${source(tag).title} – `));
      await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /\S/);
      const resolved = (selector: string) =>
        page.locator(selector).evaluateAll((els) => els.map((el) => new URL((el as HTMLAnchorElement).href).pathname));
      expect(await resolved('link[rel="canonical"]')).toEqual([`/${tag}/`]);
      const alternates = await page.locator('link[rel="alternate"]').evaluateAll((els) =>
        els.map((el) => [el.getAttribute("hreflang"), new URL((el as HTMLLinkElement).href).pathname]),
      );
      expect(alternates).toEqual(expect.arrayContaining([...ALL_LOCALES.map((t) => [t, `/${t}/`]), ["x-default", "/"]]));
      // Every entry of the table of contents leads to a section on this page.
      const targets = await page.locator(".ft-toc a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).hash.slice(1)));
      expect(targets.length).toBeGreaterThan(5);
      for (const id of targets) await expect(page.locator(`section[id="${id}"]`)).toHaveCount(1);
      expect((await resolved(".ft-languages a")).sort()).toEqual(ALL_LOCALES.map((t) => `/${t}/`).sort());
      expect(await resolved(".ft-nav a")).toEqual([`/${tag}/`, `/${tag}/request`]);
      await expect(page.locator("noscript")).toHaveCount(0);
    });
  }

  test("the root address links to the guide in every language", async ({ page }) => {
    await page.goto("/");
    for (const tag of ALL_LOCALES) {
      const link = page.locator(`noscript a[hreflang="${tag}"]`);
      await expect(link).toHaveAttribute("href", `${tag}/`);
    }
    await page.getByRole("link", { name: "Français" }).click();
    await expect(page.locator("h1")).toHaveText(source("fr-FR").title);
  });
});

test.describe("with JavaScript on and the built config.json", () => {
  test("the page stays as built: no WebAssembly is fetched, and its links and switcher work", async ({ page }) => {
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto("/en/#partners");
    await expectSourceFacts(page, "en");
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(2500); // past the idle moment a takeover would wait for
    expect(fetched.filter((p) => p.endsWith(".wasm") || p.startsWith("/locales/"))).toEqual([]);
    await expect(page.locator("[data-fasttrack]")).toHaveAttribute("data-prerendered");
    // The switcher keeps the section, as the app's does.
    await chooseLanguage(page, "Deutsch");
    await expect(page).toHaveURL(/\/de-DE\/#partners$/);
    await expect(page.locator("#partners")).toBeInViewport();
  });
});

test.describe("with JavaScript on, where the deployment's settings need the app", () => {
  // Any setting in config.json has the app take the page over (here: every locale, restated).
  test.beforeEach(async ({ page }) => {
    await page.route("**/config.json", (route) => route.fulfill({ json: { locales: ALL_LOCALES } }));
  });

  for (const tag of LOCALES) {
    test(`${tag}: the app takes the page over with the same text and no layout shift`, async ({ page }) => {
      const shifts = await watchLayoutShifts(page);
      await page.goto(`/${tag}/`);
      const app = page.locator("[data-fasttrack]");
      const before = await app.innerText();
      await expect(app).not.toHaveAttribute("data-prerendered", { timeout: 10_000 });
      await expect(app.locator(".ft-app")).toHaveCount(1);
      expect(await app.innerText()).toBe(before);
      await expectSourceFacts(page, tag);
      await page.waitForTimeout(200);
      expect(await shifts()).toEqual([]);
    });
  }

  test("the reader's scroll position and focus survive the takeover", async ({ page }) => {
    // The wasm is held back until the reader has scrolled and focused: the takeover comes after.
    const release = await holdWasm(page, "**/*.wasm");
    const app = page.locator("[data-fasttrack]");

    await page.goto("/en/#getting-help");
    await page.evaluate(() => window.scrollBy(0, 123));
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(123);
    await page.locator(".ft-toc a").nth(2).evaluate((a) => (a as HTMLElement).focus({ preventScroll: true }));
    await expect(app).toHaveAttribute("data-prerendered");
    release();
    await expect(app).not.toHaveAttribute("data-prerendered", { timeout: 10_000 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await expect(page.locator(".ft-toc a").nth(2)).toBeFocused();
  });

  test("a language chosen before the app has taken over is remembered", async ({ page }) => {
    // The app never arrives: the page's own links and boot.js do the work.
    await page.route("**/*.wasm", (route) => route.abort());
    await page.goto("/en/");
    await chooseLanguage(page, "Português (Brasil)");
    await expect(page).toHaveURL(/\/pt-BR\/$/);
    await expect(page.locator("h1")).toHaveText(source("pt-BR").title);
    await page.unroute("**/*.wasm");
    await page.goto("/");
    await expect(page).toHaveURL(/\/pt-BR\/$/);
  });
});

test.describe("under a sub-path, where WebAssembly is not allowed", () => {
  const at = serveRefusingWasm(4176);

  test("the guide is read and navigated by its links", async ({ page }) => {
    const refused: string[] = [];
    page.on("console", (m) => m.type() === "error" && refused.push(m.text()));
    page.on("pageerror", (e) => refused.push(e.message));
    // A setting, so boot.js tries to load the app (which the CSP refuses).
    await page.route("**/config.json", (route) => route.fulfill({ json: { default_locale: "en" } }));
    await page.goto(`${at}pt-BR/#partners`);
    await expectSourceFacts(page, "pt-BR");
    await expect(page.locator("#partners")).toBeInViewport();
    await chooseLanguage(page, "English");
    await expect(page).toHaveURL(`${at}en/#partners`);
    await expectSourceFacts(page, "en");
    const request = page.locator(".ft-nav a").nth(1);
    expect(await request.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(
      `${at}en/request`,
    );
    // The wasm was refused, so the prerendered page stayed.
    await page.waitForTimeout(2500);
    await expect(page.locator("[data-fasttrack]")).toHaveAttribute("data-prerendered");
    expect(refused.join("\n")).toContain("WebAssembly");
  });
});
