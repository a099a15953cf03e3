// Helpers for the request-wizard tests: keyboard navigation and seeded drafts.
import { expect, type Page } from "@playwright/test";

export const DRAFT_KEY = "fasttrack:request-draft";
/** A reference as the reference receiver gives it: the year and eight random characters of
 * Crockford's base 32 (receiver/src/reference.rs), never a count of what it stores. */
export const REFERENCE_TEXT = String.raw`FT-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}`;
export const REFERENCE = new RegExp(`^${REFERENCE_TEXT}$`);
export const NEXT_YEAR = new Date().getFullYear() + 1;
export const FUTURE_DATE = `${NEXT_YEAR}-03-15`;

/** Browser locale per app locale (navigator.languages; the date input's order stays M/D/Y). */
export const BROWSER_LOCALE = { en: "en-US", "pt-BR": "pt-BR", "fr-FR": "fr-FR" } as const;

/** Presses Tab (only Tab) until the focused element matches `selector`. */
export async function tabTo(page: Page, selector: string, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

export const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/** A complete, valid customer's draft. */
export function validDraft(overrides: Record<string, unknown> = {}) {
  return {
    requester_kind: "customer",
    products: ["exchange-online", "microsoft-teams"],
    deployment_date: FUTURE_DATE,
    data_migration: true,
    user_adoption: false,
    project_name: "Contoso migration",
    service_location: "BR",
    language: "pt-BR",
    licences: "1200",
    comments: "",
    requester: { name: "Ana Souza", email: "ana@contoso.com", phone: "+55 11 4000 1234", job_title: "CIO" },
    primary_contact: { same_as_requester: "yes", name: "", email: "" },
    business_sponsor: { same_as_requester: "no", name: "Bruno Lima", email: "bruno@contoso.com" },
    ...overrides,
  };
}

/** Stores a draft envelope before the app starts, as an earlier visit would have. */
export async function seedDraft(page: Page, draft: object, pageSlug = "about", extra: object = {}) {
  const envelope = { version: 1, saved_at: Date.now(), page: pageSlug, draft, ...extra };
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem(key, value);
        sessionStorage.setItem("seeded", "1");
      }
    },
    [DRAFT_KEY, JSON.stringify(envelope)],
  );
}

/** Continue, and expect the error summary to take focus with these messages. */
export async function continueExpectingErrors(page: Page, messages: string[]) {
  await page.locator("form.ft-form button[type=submit]").click();
  const summary = page.locator("#ft-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.locator("li a")).toHaveText(messages);
}

/** The inline message of a field, and that the input is wired to it. */
export async function expectInlineError(page: Page, fieldId: string, message: string) {
  await expect(page.locator(`#${fieldId}-error`)).toContainText(message);
  const describer = page.locator(`#${fieldId}`);
  const tag = await describer.evaluate((el) => el.tagName.toLowerCase());
  if (tag === "input" && (await describer.getAttribute("type")) === "radio") {
    // The question's own fieldset: the innermost around the field.
    const fieldset = page.locator(`fieldset:has(#${fieldId})`).last();
    await expect(fieldset).toHaveAttribute("aria-describedby", new RegExp(`${fieldId}-error`));
  } else if (!(await describer.getAttribute("type"))?.match(/checkbox/)) {
    await expect(describer).toHaveAttribute("aria-invalid", "true");
    await expect(describer).toHaveAttribute("aria-describedby", new RegExp(`${fieldId}-error`));
  }
}

/** From the services page on, answers every question for a customer's request, continuing
 * by the form's own button; `pageAt(slug)` is the address each page must be at. */
export async function answerFromServicesToCheck(page: Page, pageAt: (slug: string) => string, projectName: string) {
  const next = async (slug: string) => {
    await page.locator("form.ft-form button[type=submit]").click();
    await expect(page).toHaveURL(pageAt(slug));
  };
  await page.locator("#products").check();
  await page.locator("#deployment-date").fill(FUTURE_DATE);
  await next("organisation");
  await page.locator("#project-name").fill(projectName);
  await page.locator("#service-location").selectOption("BR");
  await page.locator("#language").selectOption("pt-BR");
  await page.locator("#licences").fill("300");
  await next("your-details");
  await page.locator("#requester-name").fill("Ana Souza");
  await page.locator("#requester-email").fill("ana@contoso.com");
  await page.locator("#requester-phone").fill("+55 11 4000 1234");
  await page.locator("#requester-job-title").fill("CIO");
  await next("contacts");
  await page.locator("#primary-contact-same").check();
  await page.locator("#sponsor-same").check();
  await next("check");
  await expect(page.locator(".ft-wizard")).toContainText(projectName);
}
