// axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) on every page, in every locale and state.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { LOCALES } from "./content";
import { REFERENCE_TEXT, seedDraft, validDraft } from "./wizard-helpers";
import { STRINGS } from "./wizard-strings";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found, what).toEqual([]);
}

const STEPS = ["about", "services", "organisation", "your-details", "contacts"];

for (const tag of LOCALES) {
  test(`${tag}: the guide, at full width, at 320 px and in dark mode`, async ({ page }) => {
    await page.goto(`/${tag}/`);
    await expect(page.locator("h1")).toBeVisible();
    await expectNoViolations(page, "guide");
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoViolations(page, "guide at 320 px");
    await page.emulateMedia({ colorScheme: "dark" });
    await expectNoViolations(page, "guide in dark mode");
  });

  test(`${tag}: every wizard page, empty and with errors, the review and the confirmation`, async ({ page }) => {
    // Eighteen axe runs: 15-20 s on a quiet 2-core machine, so the default 30 s is too tight
    // on a busy one.
    test.slow();
    await page.goto(`/${tag}/request`);
    await expect(page.locator("h1")).toBeVisible();
    await expectNoViolations(page, "start page");
    for (const step of STEPS) {
      // A draft complete up to this step, so the page is reachable, with this step empty.
      await page.evaluate(() => localStorage.clear());
      const partial = validDraft();
      const empty: Record<string, Partial<typeof partial>> = {
        about: { requester_kind: "partner", customer_id_kind: "domain", customer_id: "" },
        services: { products: [], deployment_date: "" },
        organisation: { project_name: "", service_location: "", language: "", licences: "" },
        "your-details": { requester: { name: "", email: "", phone: "", job_title: "" } },
        contacts: {
          primary_contact: { same_as_requester: "no", name: "", email: "" },
          business_sponsor: { same_as_requester: "", name: "", email: "" },
        },
      };
      await page.evaluate(
        (draft) => localStorage.setItem("fasttrack:request-draft", JSON.stringify({ version: 1, saved_at: Date.now(), page: "about", draft })),
        { ...partial, ...empty[step] },
      );
      await page.goto(`/${tag}/request/${step}`);
      await expect(page.locator("form.ft-form h1")).toBeVisible();
      await expectNoViolations(page, `${step}, empty`);
      await page.locator("form.ft-form button[type=submit]").click();
      await expect(page.locator("#ft-error-summary")).toBeFocused();
      await expectNoViolations(page, `${step}, with errors`);
      await page.emulateMedia({ colorScheme: "dark" });
      await expectNoViolations(page, `${step}, with errors, dark`);
      await page.emulateMedia({ colorScheme: "light" });
    }
    await page.evaluate(
      (draft) => localStorage.setItem("fasttrack:request-draft", JSON.stringify({ version: 1, saved_at: Date.now(), page: "check", draft })),
      validDraft(),
    );
    await page.goto(`/${tag}/request/check`);
    await expectNoViolations(page, "review");
    await page.locator("form.ft-form button[type=submit]").click();
    await expect(page.locator("#ft-reference")).toBeVisible();
    await expectNoViolations(page, "confirmation");
  });
}

// axe needs JavaScript in the page: the prerendered question is checked where the app cannot
// run, which shows what a reader without JavaScript sees (answers disabled, the notice shown).
for (const tag of LOCALES) {
  test(`${tag}: the prerendered first question, where the app cannot run`, async ({ page }) => {
    await page.route("**/*_bg.wasm", (route) => route.abort());
    await page.goto(`/${tag}/request/about`);
    await expect(page.locator(".ft-callout")).toHaveText(STRINGS[tag].needsJavaScript);
    await expect(page.locator("form.ft-form > fieldset")).toHaveAttribute("disabled");
    await expectNoViolations(page, "first question without the app");
  });
}

test("a submission failure and the not-found page", async ({ page, request }) => {
  await request.delete("http://127.0.0.1:4174/__faults");
  await request.post("http://127.0.0.1:4174/__faults", { data: [{ status: 401 }] });
  await seedDraft(page, validDraft(), "check");
  await page.goto("/en/request/check");
  await page.locator("form.ft-form button[type=submit]").click();
  await expect(page.locator("#ft-failure")).toBeVisible();
  await expectNoViolations(page, "submission failure");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoViolations(page, "submission failure, dark");
  await page.goto("/xx/");
  await expectNoViolations(page, "not found");
});

test("the harness catches violations (guards the tests above against passing vacuously)", async ({ page }) => {
  await page.setContent('<html><body><main><img src="x.png"><a href="/x"></a><p style="color:#ccc;background:#fff">low contrast</p></main></body></html>');
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => v.id)).toEqual(expect.arrayContaining(["image-alt", "link-name", "color-contrast", "html-has-lang"]));
});

test("the start-again confirmation and the no-storage notice", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "sessionStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
  });
  await page.route("**/config.json", (route) => route.fulfill({ json: { draft_storage: "session" } }));
  await page.goto("/en/request/about");
  await expect(page.locator(".ft-draft-notice .ft-callout")).toBeVisible();
  await page.getByRole("button", { name: STRINGS.en.deleteAnswers }).click();
  await expect(page.locator("#ft-start-again-warning")).toBeFocused();
  await expectNoViolations(page, "start again confirmation, no storage");
});

test("keyboard only: skip link, guide, language switch, into the wizard, with visible focus", async ({ page }) => {
  await page.goto("/en/");
  await expect(page.locator("h1")).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.locator(".ft-skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("#ft-main")).toBeFocused();

  const outline = () =>
    page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return `${s.outlineStyle} ${s.outlineWidth}`;
    });
  // Tab to the table of contents: every focused control shows a 3px outline.
  await page.keyboard.press("Tab");
  expect(await outline()).toBe("solid 3px");
  // Back to the language switcher: a disclosure, opened with Enter, whose links Tab reaches.
  for (let i = 0; i < 30; i++) {
    if (await page.evaluate(() => document.activeElement?.tagName === "SUMMARY")) break;
    await page.keyboard.press("Shift+Tab");
  }
  await expect(page.locator(".ft-languages summary")).toBeFocused();
  expect(await outline()).toBe("solid 3px");
  await page.keyboard.press("Enter");
  for (let i = 0; i < 30; i++) {
    const name = await page.evaluate(() => document.activeElement?.textContent ?? "");
    if (name === "Français") break;
    await page.keyboard.press("Tab");
  }
  await expect(page.locator(".ft-languages a[hreflang=fr-FR]")).toBeFocused();
  expect(await outline()).toBe("solid 3px");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/fr-FR\/$/);
  for (let i = 0; i < 30; i++) {
    // Resolved: the prerendered page's links are relative to its base, the app's absolute.
    if (await page.evaluate(() => new URL((document.activeElement as HTMLAnchorElement)?.href ?? "/", location.href).pathname === "/fr-FR/request")) break;
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/fr-FR\/request$/);
  await expect(page.locator("h1")).toHaveText("Demande d’assistance pour Microsoft 365");
});

test("a live region announces each step, the review and the outcome", async ({ page }) => {
  await seedDraft(page, validDraft(), "about");
  await page.goto("/en/request/about");
  const announcer = page.locator("#ft-announcer");
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  await page.locator("form.ft-form button[type=submit]").click();
  await expect(announcer).toHaveText("Step 2 of 5: What do you need help with?");
  await page.goto("/en/request/check");
  await expect(announcer).toHaveText("Check your answers before sending your request");
  await page.locator("form.ft-form button[type=submit]").click();
  await expect(announcer).toHaveText(new RegExp(`^Request sent: ${REFERENCE_TEXT}$`));
  // Errors and failures are announced by their own alert regions.
  await expect(page.locator("#ft-send-status")).toHaveCount(0);
});
