import { expect, test, type Page } from "@playwright/test";
import { LOCALES, chooseLanguage, loadFailedText, source } from "./content";
import {
  BROWSER_LOCALE,
  DRAFT_KEY,
  FUTURE_DATE,
  NEXT_YEAR,
  REFERENCE,
  continueExpectingErrors,
  expectInlineError,
  focusedId,
  seedDraft,
  tabTo,
  validDraft,
} from "./wizard-helpers";
import { STRINGS } from "./wizard-strings";

for (const tag of LOCALES) {
  const s = STRINGS[tag];

  test.describe(`${tag} wizard`, () => {
    test.use({ locale: BROWSER_LOCALE[tag] });

    test("a complete run with the keyboard alone", async ({ page }) => {
      await page.goto(`/${tag}/request`);
      await tabTo(page, "a.ft-button--start");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`/${tag}/request/about$`));
      await expect(page.locator("h1")).toHaveText(s.step1);

      // Step 1: the customer's own admin (the first radio).
      await tabTo(page, "#requester-kind");
      await page.keyboard.press("Space");
      await expect(page.locator("#customer-id-kind")).toHaveCount(0);
      await tabTo(page, "form.ft-form button[type=submit]");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/request\/services$/);

      // Step 2: a product, a date, data migration.
      await tabTo(page, "#products");
      await page.keyboard.press("Space");
      await tabTo(page, "#deployment-date");
      const [y, m, d] = FUTURE_DATE.split("-");
      // Chromium runs with --lang=en-US (playwright.config.ts): its date fields read M/D/Y.
      await page.keyboard.type(`${m}${d}${y}`);
      await expect(page.locator("#deployment-date")).toHaveValue(FUTURE_DATE);
      await tabTo(page, "#data-migration");
      await page.keyboard.press("Space");
      await tabTo(page, "form.ft-form button[type=submit]");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/request\/organisation$/);

      // Step 3: the organisation; lists chosen by typing their first letters.
      await tabTo(page, "#project-name");
      await page.keyboard.type("Keyboard project");
      await tabTo(page, "#service-location");
      await page.keyboard.type("Br");
      await expect(page.locator("#service-location")).toHaveValue("BR");
      await tabTo(page, "#language");
      await page.keyboard.type("P");
      await expect(page.locator("#language")).toHaveValue("pt-BR");
      await tabTo(page, "#licences");
      await page.keyboard.type("750");
      await tabTo(page, "form.ft-form button[type=submit]");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/request\/your-details$/);

      // Step 4: the requester; Enter in a text field submits the form.
      await tabTo(page, "#requester-name");
      await page.keyboard.type("Ana Souza");
      await page.keyboard.press("Tab");
      await page.keyboard.type("ana@contoso.com");
      await page.keyboard.press("Tab");
      await page.keyboard.type("+55 11 4000 1234");
      await page.keyboard.press("Tab");
      await page.keyboard.type("CIO");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/request\/contacts$/);

      // Step 5: the primary contact is the requester; the sponsor is someone else.
      await tabTo(page, "#primary-contact-same");
      await page.keyboard.press("Space");
      await tabTo(page, "#sponsor-same");
      await page.keyboard.press("ArrowDown");
      await expect(page.locator("#sponsor-same-no")).toBeChecked();
      await tabTo(page, "#sponsor-name");
      await page.keyboard.type("Bruno Lima");
      await page.keyboard.press("Tab");
      await page.keyboard.type("bruno@contoso.com");
      await page.keyboard.press("Enter");

      await expect(page).toHaveURL(/\/request\/check$/);
      await expect(page.locator("h1")).toHaveText(s.check);
      const review = page.locator(".ft-wizard");
      await expect(review).toContainText("Keyboard project");
      await expect(review).toContainText("Bruno Lima");
      await expect(review).toContainText(s.notProvided);
      await tabTo(page, "form.ft-form button[type=submit]");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`/${tag}/request/confirmation$`));
      await expect(page.locator("#ft-reference")).toHaveText(REFERENCE);
    });

    test("an empty step: the summary takes focus, links to the field, the title says Error", async ({ page }) => {
      await page.goto(`/${tag}/request/about`);
      await continueExpectingErrors(page, [s.selectWho]);
      await expect(page).toHaveTitle(new RegExp(`^${s.errorPrefix}`));
      await expect(page.locator("#ft-error-summary h2")).toHaveText(s.summaryTitle);
      await expectInlineError(page, "requester-kind", s.selectWho);
      await page.locator("#ft-error-summary a").click();
      await expect.poll(() => focusedId(page)).toBe("requester-kind");
    });

    test("each rule's message shows in the summary and inline", async ({ page }) => {
      await seedDraft(
        page,
        validDraft({
          requester_kind: "partner",
          customer_id_kind: "tpid",
          customer_id: "12a",
          products: [],
          deployment_date: "2020-01-01",
          project_name: "x".repeat(81),
          licences: "12.5",
          comments: "y".repeat(2001),
          requester: { name: "Ana", email: "ana@", phone: "11 4000", job_title: "CIO" },
          business_sponsor: { same_as_requester: "no", name: "", email: "b@contoso.com" },
        }),
      );
      const step = async (slug: string, cases: [string, string][]) => {
        await page.goto(`/${tag}/request/${slug}`);
        await continueExpectingErrors(page, cases.map(([, m]) => m));
        for (const [id, message] of cases) await expectInlineError(page, id, message);
      };
      // The deep link to a later step leads to the first incomplete one.
      await page.goto(`/${tag}/request/contacts`);
      await expect(page).toHaveURL(new RegExp(`/${tag}/request/about$`));
      await step("about", [["customer-id", s.badTpid]]);
      await page.locator("#customer-id-kind-domain").check();
      await page.locator("#customer-id").fill("contoso..com");
      await continueExpectingErrors(page, [s.badDomain]);
      await page.locator("#customer-id").fill("contoso.onmicrosoft.com");
      await page.locator("form.ft-form button[type=submit]").click();
      await expect(page).toHaveURL(/\/request\/services$/);
      await continueExpectingErrors(page, [s.selectProduct, s.pastDate]);
      await expectInlineError(page, "products", s.selectProduct);
      await expectInlineError(page, "deployment-date", s.pastDate);
      await page.locator("#products").check();
      await page.locator("#deployment-date").fill(FUTURE_DATE);
      await page.locator("form.ft-form button[type=submit]").click();
      await expect(page).toHaveURL(/\/request\/organisation$/);
      await continueExpectingErrors(page, [s.projectTooLong, s.notWhole, s.commentsTooLong]);
      await expectInlineError(page, "project-name", s.projectTooLong);
      await expectInlineError(page, "licences", s.notWhole);
      await expectInlineError(page, "comments", s.commentsTooLong);
      await page.locator("#project-name").fill("   ");
      await page.locator("#licences").fill("149");
      await page.locator("#comments").fill("");
      await continueExpectingErrors(page, [s.enterProject, s.below150]);
      await page.locator("#project-name").fill("Rules");
      await page.locator("#licences").fill("499");
      await continueExpectingErrors(page, [s.below500]);
      await page.locator("#licences").fill("500");
      await page.locator("form.ft-form button[type=submit]").click();
      await expect(page).toHaveURL(/\/request\/your-details$/);
      await continueExpectingErrors(page, [s.badEmail, s.badPhone]);
      await expectInlineError(page, "requester-email", s.badEmail);
      await expectInlineError(page, "requester-phone", s.badPhone);
      // Following a summary link focuses its field.
      await page.locator("#ft-error-summary a").nth(1).click();
      await expect.poll(() => focusedId(page)).toBe("requester-phone");
      await page.locator("#requester-email").fill("ana@contoso.com");
      await page.locator("#requester-phone").fill("+55 11 4000 1234");
      await page.locator("form.ft-form button[type=submit]").click();
      await continueExpectingErrors(page, [s.sponsorName]);
      await expectInlineError(page, "sponsor-name", s.sponsorName);
    });

    test("a reload in the middle keeps the answers and the step", async ({ page }) => {
      await seedDraft(page, validDraft({ project_name: "", licences: "" }), "organisation");
      await page.goto(`/${tag}/request/organisation`);
      await page.locator("#project-name").fill("Half done");
      await page.locator("#comments").fill("Typed, not yet continued");
      await page.reload();
      await expect(page).toHaveURL(/\/request\/organisation$/);
      await expect(page.locator("#project-name")).toHaveValue("Half done");
      await expect(page.locator("#comments")).toHaveValue("Typed, not yet continued");
      await expect(page.locator("#service-location")).toHaveValue("BR");
      // Coming back through the start page resumes where the reader was.
      await page.goto(`/${tag}/request`);
      await page.locator("a.ft-button--start").click();
      await expect(page).toHaveURL(/\/request\/organisation$/);
    });

    test("a Change link returns to the review", async ({ page }) => {
      await seedDraft(page, validDraft(), "check");
      await page.goto(`/${tag}/request/check`);
      const row = page.locator(".ft-summary-list__row").filter({ hasText: "Contoso migration" });
      await row.getByRole("link").click();
      await expect(page).toHaveURL(/\/request\/organisation\?change=1#project-name$/);
      await expect.poll(() => focusedId(page)).toBe("project-name");
      await page.locator("#project-name").fill("Renamed project");
      await page.locator("form.ft-form button[type=submit]").click();
      await expect(page).toHaveURL(/\/request\/check$/);
      await expect(page.locator(".ft-wizard")).toContainText("Renamed project");
    });

    test("browser back and forward move between steps", async ({ page }) => {
      await seedDraft(page, validDraft(), "about");
      await page.goto(`/${tag}/request/about`);
      await page.locator("form.ft-form button[type=submit]").click();
      await expect(page).toHaveURL(/\/request\/services$/);
      await page.locator("form.ft-form button[type=submit]").click();
      await expect(page).toHaveURL(/\/request\/organisation$/);
      await page.goBack();
      await expect(page).toHaveURL(/\/request\/services$/);
      await expect(page.locator("#products-exchange-online")).toBeChecked();
      await page.goBack();
      await expect(page).toHaveURL(/\/request\/about$/);
      await page.goForward();
      await expect(page).toHaveURL(/\/request\/services$/);
      await expect(page.locator("h1")).not.toHaveText(s.step1);
    });

    test("a partner sees and sends the customer's fields; a customer does not", async ({ page }) => {
      await seedDraft(page, validDraft({ requester_kind: "" }), "about");
      await page.goto(`/${tag}/request/about`);
      await page.locator("#requester-kind").check();
      await expect(page.locator("#customer-id-kind")).toHaveCount(0);
      await page.locator("#requester-kind-partner").check();
      await expect(page.locator("#customer-id-kind")).toBeVisible();
      await page.locator("#customer-id-kind").check();
      await page.locator("#customer-id").fill("Fabrikam");
      await page.goto(`/${tag}/request/check`);
      await expect(page.locator(".ft-summary-list").first()).toContainText("Fabrikam");
      await expect(page.locator(".ft-summary-list").first()).toContainText(/Customer name|Nome do cliente|Nom du client/);

      await page.goto(`/${tag}/request/about`);
      await page.locator("#requester-kind").check();
      await expect(page.locator("#customer-id")).toHaveCount(0);
      await page.goto(`/${tag}/request/check`);
      await expect(page.locator(".ft-summary-list").first()).not.toContainText("Fabrikam");
      await expect(page.locator(".ft-summary-list").first().locator(".ft-summary-list__row")).toHaveCount(1);
    });
  });
}

test("switching language mid-way keeps answers and step, and re-words the errors", async ({ page }) => {
  await seedDraft(page, validDraft({ project_name: "Mid-way", licences: "10" }), "organisation");
  await page.goto("/en/request/organisation");
  await continueExpectingErrors(page, [STRINGS.en.below150]);
  await chooseLanguage(page, "Français");
  await expect(page).toHaveURL(/\/fr-FR\/request\/organisation$/);
  await expect(page.locator("#project-name")).toHaveValue("Mid-way");
  await expect(page.locator("#ft-error-summary li")).toHaveText([STRINGS["fr-FR"].below150]);
  await expect(page.locator("#licences-error")).toContainText(STRINGS["fr-FR"].below150);
  await expect(page.locator(".ft-frame")).toHaveAttribute("lang", "fr-FR");
});

test("Delete my answers clears everything, after a confirmation", async ({ page }) => {
  await seedDraft(page, validDraft(), "organisation");
  await page.goto("/en/request/organisation");
  await page.getByRole("button", { name: STRINGS.en.deleteAnswers }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator("#project-name")).toHaveValue("Contoso migration");
  await page.getByRole("button", { name: STRINGS.en.deleteAnswers }).click();
  await expect(page.locator("#ft-start-again-warning")).toBeFocused();
  await page.getByRole("button", { name: "Yes, delete my answers" }).click();
  await expect(page).toHaveURL(/\/en\/request\/about$/);
  await expect(page.locator("#requester-kind")).not.toBeChecked();
  expect(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY)).toBeNull();
  expect(await page.evaluate((k) => sessionStorage.getItem(k), DRAFT_KEY)).toBeNull();
  await page.goto("/en/request/organisation");
  await expect(page).toHaveURL(/\/en\/request\/about$/);
});

test("without browser storage the wizard still works and says answers cannot be kept", async ({ page }) => {
  await page.addInitScript(() => {
    for (const name of ["localStorage", "sessionStorage"]) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException("denied", "SecurityError");
        },
      });
    }
  });
  await page.goto("/en/request/about");
  await expect(page.locator(".ft-draft-notice")).toContainText(STRINGS.en.storageUnavailable);
  await page.locator("#requester-kind").check();
  await page.locator("form.ft-form button[type=submit]").click();
  await expect(page).toHaveURL(/\/en\/request\/services$/);
});

test("a draft from another version is set aside with a notice; an expired one silently", async ({ page, context }) => {
  await seedDraft(page, validDraft(), "organisation", { version: 99 });
  await page.goto("/en/request");
  await expect(page.locator(".ft-draft-notice")).toContainText(STRINGS.en.discarded);
  await expect(page.locator("a.ft-button--start")).toHaveText("Start now");

  const old = await context.newPage();
  await seedDraft(old, validDraft(), "organisation", { saved_at: Date.now() - 31 * 24 * 3600 * 1000 });
  await old.goto("/en/request/organisation");
  await expect(old).toHaveURL(/\/en\/request\/about$/);
  await expect(old.locator(".ft-draft-notice")).not.toContainText(STRINGS.en.discarded);
});

test("the deployment date must be after the reader's today", async ({ page }) => {
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });
  await seedDraft(page, validDraft({ deployment_date: today }), "services");
  await page.goto("/en/request/services");
  await continueExpectingErrors(page, [STRINGS.en.pastDate]);
  await page.locator("#deployment-date").fill(`${NEXT_YEAR}-01-01`);
  await page.locator("form.ft-form button[type=submit]").click();
  await expect(page).toHaveURL(/\/en\/request\/organisation$/);
});

test("no horizontal scrolling at 320 px on the wizard's pages", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await seedDraft(page, validDraft({ requester_kind: "partner", customer_id_kind: "domain", customer_id: "contoso.onmicrosoft.com" }), "check");
  for (const slug of ["about", "services", "organisation", "your-details", "contacts", "check"]) {
    await page.goto(`/fr-FR/request/${slug}`);
    await expect(page.locator("h1")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, slug).toBeLessThanOrEqual(0);
  }
});

test.describe("answers are kept only as long as the reader chose", () => {
  const stored = (page: import("@playwright/test").Page, where: "localStorage" | "sessionStorage") =>
    page.evaluate(([k, w]) => (window as any)[w].getItem(k), [DRAFT_KEY, where] as const);

  test("by default they are kept for the tab: a reload keeps them, another tab does not see them", async ({ page, context }) => {
    await page.goto("/en/request/about");
    await page.locator("#requester-kind").check();
    await expect(page.locator(".ft-draft-notice")).toContainText(STRINGS.en.keptInTab);
    expect(await stored(page, "sessionStorage")).toContain('"requester_kind":"customer"');
    expect(await stored(page, "localStorage")).toBeNull();
    await page.reload();
    await expect(page.locator("#requester-kind")).toBeChecked();
    const other = await context.newPage();
    await other.goto("/en/request/about");
    await expect(other.locator("#requester-kind")).not.toBeChecked();
    await other.close();
  });

  test("ticking Remember keeps them on this device until the date shown, and unticking takes them back", async ({ page, context }) => {
    await page.goto("/en/request");
    const remember = page.locator("#ft-remember");
    await expect(remember).not.toBeChecked();
    const until = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    await expect(page.locator("label[for=ft-remember]")).toContainText(until);
    await remember.check();
    await page.locator("a.ft-button--start").click();
    await page.locator("#requester-kind").check();
    expect(await stored(page, "localStorage")).toContain('"requester_kind":"customer"');
    expect(await stored(page, "sessionStorage")).toBeNull();
    await expect(page.locator(".ft-draft-notice")).toContainText(until);
    const other = await context.newPage();
    await other.goto("/en/request/about");
    await expect(other.locator("#requester-kind")).toBeChecked();
    await other.close();
    await page.goto("/en/request");
    await page.locator("#ft-remember").uncheck();
    expect(await stored(page, "localStorage")).toBeNull();
    expect(await stored(page, "sessionStorage")).toContain('"requester_kind":"customer"');
  });

  test("opening the wizard renews nothing; only the reader's change does", async ({ page }) => {
    const tenDaysAgo = Date.now() - 10 * 86_400_000;
    await seedDraft(page, validDraft(), "organisation", { saved_at: tenDaysAgo });
    await page.goto("/en/request/organisation");
    await expect(page.locator("#project-name")).toHaveValue("Contoso migration");
    await page.locator("a.ft-back-link").click();
    await expect(page).toHaveURL(/\/request\/services$/);
    expect(JSON.parse((await stored(page, "localStorage"))!).saved_at).toBe(tenDaysAgo);
    await page.locator("#user-adoption").check();
    const renewed = JSON.parse((await stored(page, "localStorage"))!).saved_at;
    expect(renewed).toBeGreaterThan(Date.now() - 60_000);
  });

  test("expiry is checked on every read, not only at start", async ({ page }) => {
    const almostThirtyDaysAgo = Date.now() - 30 * 86_400_000 + 3_000;
    await seedDraft(page, validDraft(), "organisation", { saved_at: almostThirtyDaysAgo });
    await page.goto("/en/request/organisation");
    await expect(page.locator("#project-name")).toHaveValue("Contoso migration");
    await page.waitForTimeout(3_500);
    await page.locator("a.ft-back-link").click();
    // Expired while the tab was open: gone from the page and from storage.
    await expect(page).toHaveURL(/\/request\/about$/);
    await expect(page.locator("#requester-kind")).not.toBeChecked();
    expect(await stored(page, "localStorage")).toBeNull();
  });

  test("two tabs: an edit in one shows in the other, and answers sent or deleted in one are never written back by the other", async ({ page, context }) => {
    await seedDraft(page, validDraft(), "organisation");
    await page.goto("/en/request/organisation");
    await expect(page.locator("#project-name")).toHaveValue("Contoso migration");
    const other = await context.newPage();
    await other.goto("/en/request/organisation");
    await expect(other.locator("#project-name")).toHaveValue("Contoso migration");

    // An edit in the other tab: this one shows it, and says so.
    await other.locator("#project-name").fill("Renamed elsewhere");
    await expect(page.locator("#project-name")).toHaveValue("Renamed elsewhere");
    await expect(page.locator("#ft-other-tab")).toHaveText(STRINGS.en.changedInOtherTab);

    // Deleted in the other tab: this one forgets them, says so, and writes nothing back.
    await other.getByRole("button", { name: STRINGS.en.deleteAnswers }).click();
    await other.getByRole("button", { name: "Yes, delete my answers" }).click();
    await expect(page.locator("#ft-other-tab")).toHaveText(STRINGS.en.removedInOtherTab);
    await expect(page.locator("#project-name")).toHaveValue("");
    await page.locator("#project-name").fill("A new start");
    const kept = JSON.parse((await stored(page, "localStorage"))!);
    expect(kept.draft.project_name).toBe("A new start");
    expect(kept.draft.requester.name).toBe("");
    await other.close();
  });

  test("a deployer can keep answers on the device without asking, or nowhere", async ({ page }) => {
    await page.route("**/config.json", (route) => route.fulfill({ json: { draft_storage: "local" } }));
    await page.goto("/en/request");
    await expect(page.locator("#ft-remember")).toHaveCount(0);
    await page.locator("a.ft-button--start").click();
    await page.locator("#requester-kind").check();
    expect(await stored(page, "localStorage")).toContain('"requester_kind":"customer"');
  });
});

test("a later page whose code cannot be fetched says so; the answers stay and the next visit loads it", async ({ page }) => {
  // The later questions are a piece of the build fetched when first shown (src/piece.rs).
  const piece = /fasttrack-onboarding-questions-[0-9a-f]+\.wasm$/;
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.route(piece, (route) => route.abort());
  await page.goto("/fr-FR/request/about");
  await page.locator("#requester-kind").check();
  await page.locator("form.ft-form button[type=submit]").click();
  await expect(page).toHaveURL(/\/fr-FR\/request\/services$/);
  await expect(page.getByRole("alert")).toHaveText(loadFailedText("fr-FR"));
  expect(errors.join("\n")).toContain("a piece of the app could not be fetched");
  // The app lives on: Back shows the first question with its answer.
  await page.goBack();
  await expect(page.locator("h1")).toHaveText(STRINGS["fr-FR"].step1);
  await expect(page.locator("#requester-kind")).toBeChecked();
  // The connection is back: Continue fetches the piece this time.
  await page.unroute(piece);
  await page.locator("form.ft-form button[type=submit]").click();
  await expect(page).toHaveURL(/\/request\/services$/);
  await expect(page.locator("#products")).toBeVisible();
});

/** Whether the page fetched the app's piece `name` (src/piece.rs). */
function watchPieces(page: Page) {
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  return (name: string) => fetched.some((p) => new RegExp(`^/fasttrack-onboarding-${name}-[0-9a-f]+\\.wasm$`).test(p));
}

test("the next page's piece is fetched once the reader answers, not on arrival", async ({ page }) => {
  const fetched = watchPieces(page);
  await page.goto("/en/request/about");
  await expect(page.locator("#requester-kind")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(fetched("questions")).toBe(false);
  await page.locator("#requester-kind").check();
  await expect.poll(() => fetched("questions")).toBe(true);
});

test("the last question's answers fetch the review's piece", async ({ page }) => {
  const fetched = watchPieces(page);
  await seedDraft(page, validDraft({ primary_contact: { same_as_requester: "", name: "", email: "" } }), "contacts");
  await page.goto("/en/request/contacts");
  await expect(page.locator("#primary-contact-same")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(fetched("review")).toBe(false);
  await page.locator("#primary-contact-same").check();
  await expect.poll(() => fetched("review")).toBe(true);
});

test("a wizard page is not sent the guide's text; going to the guide fetches it once, with the guide's piece", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  // boot.js's preloads name the packs as the app does: none is missing.
  const refused: string[] = [];
  page.on("response", (r) => new URL(r.url()).pathname.startsWith("/locales/") && !r.ok() && refused.push(r.url()));
  const packs = (kind: string) => fetched.filter((p) => new RegExp(`^/locales/pt-BR${kind}\\.[0-9a-f]{8}\\.txt$`).test(p));
  await page.goto("/pt-BR/request/about");
  await expect(page.locator("[data-fasttrack]")).not.toHaveAttribute("data-prerendered", { timeout: 10_000 });
  await page.waitForLoadState("networkidle");
  expect(packs("").length).toBeGreaterThan(0);
  expect(packs(".wizard").length).toBeGreaterThan(0);
  expect(packs(".guide")).toEqual([]);
  // The navigation's first link: the guide, drawn by the app in place (no page load).
  await page.locator(".ft-nav a").first().click();
  await expect(page).toHaveURL("/pt-BR/");
  await expect(page.locator(".ft-guide h1")).toHaveText(source("pt-BR").title);
  await expect(page.locator(".ft-roles")).toBeVisible();
  expect(packs(".guide")).toHaveLength(1);
  expect(refused).toEqual([]);
  expect(fetched.some((p) => /^\/fasttrack-onboarding-guide-[0-9a-f]+\.wasm$/.test(p))).toBe(true);
});

test("a guide whose text cannot be fetched says so in the reader's language; the app lives on", async ({ page }) => {
  await page.route(/\/locales\/fr-FR\.guide\./, (route) => route.abort());
  await page.goto("/fr-FR/request/about");
  await expect(page.locator("[data-fasttrack]")).not.toHaveAttribute("data-prerendered", { timeout: 10_000 });
  await page.locator("#requester-kind").check();
  await page.locator(".ft-nav a").first().click();
  await expect(page).toHaveURL("/fr-FR/");
  await expect(page.getByRole("alert")).toHaveText(loadFailedText("fr-FR"));
  await page.goBack();
  await expect(page.locator("h1")).toHaveText(STRINGS["fr-FR"].step1);
  await expect(page.locator("#requester-kind")).toBeChecked();
});
