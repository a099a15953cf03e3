// The locales added after the first three (content.ts: NEW_LOCALES): one lighter pass each, so
// that twelve locales cost the suite little. The first three run every spec; here each new one
// shows its guide (also with JavaScript off: prerender.spec.ts), runs the wizard end to end to a
// stored request (the app's text fetched as this locale's packs), and is checked by axe on the
// guide, a question with errors, the review and the confirmation.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { NEW_LOCALES, chooseLanguage, loadFailedText, source } from "./content";
import { REFERENCE, answerFromServicesToCheck } from "./wizard-helpers";
import { STRINGS } from "./wizard-strings";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found, what).toEqual([]);
}

for (const tag of NEW_LOCALES) {
  const s = (STRINGS as Record<string, Record<string, string>>)[tag];

  test(`${tag}: the guide, and a request from start to confirmation`, async ({ page }) => {
    test.slow(); // four axe runs and a whole request
    await page.goto(`/${tag}/`);
    await expect(page.locator("h1")).toHaveText(source(tag).title);
    await expect(page.locator("html")).toHaveAttribute("lang", tag);
    await expect(page.locator(".ft-frame")).toHaveAttribute("lang", tag);
    await expectNoViolations(page, `${tag} guide`);

    await page.goto(`/${tag}/request/about`);
    await expect(page.locator("h1")).toHaveText(s.step1);
    await page.locator("form.ft-form button[type=submit]").click();
    const summary = page.locator("#ft-error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.locator("li a")).toHaveText([s.selectWho]);
    await expect(page).toHaveTitle(new RegExp(`^${s.errorPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    await expectNoViolations(page, `${tag} question with errors`);

    await page.locator("#requester-kind").check();
    await page.locator("form.ft-form button[type=submit]").click();
    const pageAt = (slug: string) => new RegExp(`/${tag}/request/${slug}$`);
    await expect(page).toHaveURL(pageAt("services"));
    await answerFromServicesToCheck(page, pageAt, `Projet ${tag}`);
    await expect(page.locator("h1")).toHaveText(s.check);
    await expectNoViolations(page, `${tag} review`);

    await page.locator("form.ft-form button[type=submit]").click();
    await expect(page).toHaveURL(pageAt("confirmation"));
    // The reference the receiver gave (FT-YYYY-NNNNNN), stored there.
    await expect(page.locator("#ft-reference")).toHaveText(REFERENCE);
    await expectNoViolations(page, `${tag} confirmation`);
  });
}

test("where a locale's text cannot be loaded, the page says so in that language", async ({ page }) => {
  const expected = loadFailedText("ja-JP");
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.route("**/locales/**", (route) => route.abort());
  await page.goto("/ja-JP/request/about");
  await expect(page.locator("[data-fasttrack]")).toHaveText(expected);
  expect(errors.join("\n")).toContain("fasttrack: the ja-JP text could not be loaded");
});

test("a language whose text cannot be fetched leaves the page and the answers, and says so in that language", async ({ page }) => {
  await page.goto("/en/request/about");
  await page.locator("#requester-kind").check();
  await page.route("**/locales/de-DE.*", (route) => route.abort());
  await chooseLanguage(page, "Deutsch");
  await expect(page).toHaveURL(/\/de-DE\/request\/about$/);
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText(loadFailedText("de-DE"));
  await expect(alert).toHaveAttribute("lang", "de-DE");
  // The English page stays as it was, answer included.
  await expect(page.locator("h1")).toHaveText(STRINGS.en.step1);
  await expect(page.locator("#requester-kind")).toBeChecked();
  // Back to a language that is here: the message goes.
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/request\/about$/);
  await expect(alert).toHaveCount(0);
});
