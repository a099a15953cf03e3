// The wizard's first question as HTML first (scripts/prerender.mjs, `TAG/request/about.html`):
// painted before the app arrives, answered meanwhile without anything lost, taken over without
// a visible change, and honest where the app cannot run.
import { expect, test, type Page } from "@playwright/test";
import { ALL_LOCALES, LOCALES } from "./content";
import { serveRefusingWasm } from "./servers";
import { holdWasm, watchLayoutShifts } from "./takeover";
import { STRINGS } from "./wizard-strings";

const fieldset = (page: Page) => page.locator("form.ft-form > fieldset");

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  for (const tag of LOCALES) {
    test(`${tag}: the question is shown with its own head, its answers disabled, and says what it needs`, async ({ page }) => {
      await page.goto(`/${tag}/request/about`);
      await expect(page.locator("h1")).toHaveText(STRINGS[tag].step1);
      await expect(page.locator("html")).toHaveAttribute("lang", tag);
      await expect(page).toHaveTitle(`${STRINGS[tag].step1} – ${STRINGS[tag].title}`);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /\S/);
      const canonical = await page.locator('link[rel="canonical"]').evaluate((l) => new URL((l as HTMLLinkElement).href).pathname);
      expect(canonical).toBe(`/${tag}/request/about`);
      const alternates = await page.locator('link[rel="alternate"]').evaluateAll((els) =>
        els.map((el) => [el.getAttribute("hreflang"), new URL((el as HTMLLinkElement).href).pathname]),
      );
      expect(alternates).toEqual(ALL_LOCALES.map((t) => [t, `/${t}/request/about`]));
      // Nothing can be answered or sent: there is nowhere for it to go.
      await expect(fieldset(page)).toHaveAttribute("disabled");
      await expect(page.getByRole("radio")).toHaveCount(2);
      for (const radio of await page.getByRole("radio").all()) await expect(radio).toBeDisabled();
      await expect(page.locator(".ft-callout")).toHaveText(STRINGS[tag].needsJavaScript);
      // Styled (the wizard's stylesheet comes with the page), and the guide is a plain link.
      expect(await page.locator(".ft-button").first().evaluate((b) => getComputedStyle(b).cursor)).toBe("pointer");
      await page.locator(".ft-nav a").first().click();
      await expect(page).toHaveURL(`/${tag}/`);
      await expect(page.locator(".ft-guide")).toBeVisible();
    });
  }
});

test.describe("with JavaScript on", () => {
  test("the app takes the question over with the same text and no layout shift", async ({ page }) => {
    const shifts = await watchLayoutShifts(page);
    const release = await holdWasm(page, "**/*_bg.wasm");
    await page.goto("/pt-BR/request/about");
    const app = page.locator("[data-fasttrack]");
    await expect(app).toHaveAttribute("data-prerendered");
    // boot.js has enabled the answers before the app arrives.
    await expect(fieldset(page)).not.toHaveAttribute("disabled");
    // What the page shows (the live region, for screen readers, announces the question once
    // the app is there, as on any arrival).
    const shown = () => app.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll("#ft-announcer, noscript")) hidden.remove();
      return copy.textContent;
    });
    const before = await shown();
    release();
    await expect(app).not.toHaveAttribute("data-prerendered", { timeout: 10_000 });
    await expect(app.locator(".ft-app")).toHaveCount(1);
    expect(await shown()).toBe(before);
    await page.waitForTimeout(200);
    expect(await shifts()).toEqual([]);
    // The app's own page: its validation answers Continue.
    await page.locator("button[type=submit]").click();
    await expect(page.locator(".ft-error-summary")).toContainText(STRINGS["pt-BR"].selectWho);
  });

  test("what the reader answered and pressed before the app arrived is carried over", async ({ page }) => {
    const release = await holdWasm(page, "**/*_bg.wasm");
    const app = page.locator("[data-fasttrack]");
    await page.goto("/en/request/about");
    const admin = page.getByLabel("I am an admin of the organisation that needs assistance");
    await admin.check();
    await page.locator("button[type=submit]").click();
    // Continue waited for the app: the page did not go anywhere.
    await expect(page).toHaveURL("/en/request/about");
    await expect(app).toHaveAttribute("data-prerendered");
    release();
    await expect(page.locator("h1")).toHaveText(STRINGS.en.step2, { timeout: 10_000 });
    await expect(page).toHaveURL("/en/request/services");
    await page.goBack();
    await expect(page.locator("h1")).toHaveText(STRINGS.en.step1);
    await expect(admin).toBeChecked();
  });
});

test.describe("under a sub-path, where WebAssembly is not allowed", () => {
  const at = serveRefusingWasm(4176);

  test("the question stays readable, and says it cannot be answered here", async ({ page }) => {
    await page.goto(`${at}fr-FR/request/about`);
    await expect(page.locator("h1")).toHaveText(STRINGS["fr-FR"].step1);
    expect(await page.locator(".ft-button").first().evaluate((b) => getComputedStyle(b).cursor)).toBe("pointer");
    // The wasm is refused: the answers are disabled again, and the page says what it needs.
    await expect(page.getByRole("alert")).toHaveText(STRINGS["fr-FR"].needsJavaScript, { timeout: 10_000 });
    await expect(fieldset(page)).toHaveAttribute("disabled");
    expect(await page.locator(".ft-back-link").evaluate((a) => (a as HTMLAnchorElement).href)).toBe(
      `${at}fr-FR/request`,
    );
  });
});
