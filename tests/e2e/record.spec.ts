// The requester's record: what was sent, when, where and every answer, to print or save as
// PDF; the reference to copy; the check page and the guide in print.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { LOCALES, type Tag } from "./content";
import { REFERENCE, seedDraft, validDraft } from "./wizard-helpers";
import { STRINGS } from "./wizard-strings";

/** Every answer row of a summary list: [question, answer]. */
const answerRows = (page: Page, scope: string) =>
  page.locator(`${scope} .ft-summary-list__row`).evaluateAll((rows) =>
    rows.map((row) => [
      row.querySelector("dt")!.textContent!.trim(),
      (row.querySelector(".ft-summary-list__value") as HTMLElement).innerText.trim(),
    ]),
  );

/** The check page's answers, then sent: the confirmation page with its reference. */
async function send(page: Page, tag: Tag) {
  await seedDraft(page, validDraft(), "check");
  await page.goto(`/${tag}/request/check`);
  await expect(page.locator(".ft-wizard .ft-summary-list__row").first()).toBeVisible();
  const answers = await answerRows(page, ".ft-wizard");
  expect(answers.length).toBeGreaterThan(10);
  await page.locator("form.ft-form button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/${tag}/request/confirmation$`));
  const reference = (await page.locator("#ft-reference").textContent())!;
  expect(reference).toMatch(REFERENCE);
  return { answers, reference };
}

/** The text of every page of a PDF, and how many pages it has. */
async function pdfText(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item: any) => item.str).join(" "));
  }
  return { count: doc.numPages, text: pages.join("\n").replace(/\s+/g, " ") };
}

const visibleControls = (page: Page) =>
  page.locator("button, input, select, textarea, a[href]").evaluateAll((els) =>
    els.filter((el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === "fixed").map((el) => el.outerHTML.slice(0, 80)),
  );

for (const tag of LOCALES) {
  test(`${tag}: the confirmation's record prints every answer, the reference, when and where`, async ({ page }) => {
    const s = STRINGS[tag];
    const { answers, reference } = await send(page, tag);
    const record = page.locator(".ft-record");
    await expect(record.locator("h2").first()).toHaveText(s.recordTitle);
    await expect(record.locator(".ft-summary-list__row").first()).toBeVisible();
    expect(await answerRows(page, ".ft-record")).toEqual(answers);
    await expect(page.locator("#ft-sent-to")).toHaveText(s.sentTo.replace("{host}", "127.0.0.1:4173"));
    const sentAt = (await page.locator("#ft-sent-at").textContent())!;
    const [before, after] = s.sentAt.split("{when}");
    expect(sentAt.startsWith(before) && sentAt.endsWith(after)).toBe(true);
    expect(sentAt).toContain(String(new Date().getFullYear()));
    await expect(page.getByRole("button", { name: s.printRecord })).toBeVisible();
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    await page.emulateMedia({ media: "print" });
    expect(await visibleControls(page)).toEqual([]);
    await expect(page.locator("#ft-reference")).toBeVisible();
    await expect(record).toBeVisible();
    const { count, text } = await pdfText(await page.pdf({ format: "A4" }));
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(3);
    expect(text).toContain(reference);
    expect(text).toContain(sentAt.replace(/\s+/g, " "));
    for (const [, answer] of answers) {
      for (const line of answer.split("\n")) expect(text).toContain(line.replace(/\s+/g, " ").trim());
    }
    expect(text).not.toContain(s.copyReference);
    expect(text).not.toContain(s.printRecord);
  });
}

test("after a reload the record says the answers are no longer kept", async ({ page }) => {
  const { reference } = await send(page, "en");
  await page.reload();
  await expect(page.locator("#ft-reference")).toHaveText(reference);
  await expect(page.locator("#ft-answers-not-kept")).toHaveText(STRINGS.en.answersNotKept);
  await expect(page.locator(".ft-record .ft-summary-list")).toHaveCount(0);
});

test.describe("copying the reference", () => {
  test("copies it and says so", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const { reference } = await send(page, "fr-FR");
    await page.getByRole("button", { name: STRINGS["fr-FR"].copyReference }).click();
    await expect(page.locator("#ft-copy-status")).toHaveText(STRINGS["fr-FR"].copied);
    await expect(page.locator("#ft-copy-status")).toHaveAttribute("role", "status");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reference);
  });

  test("where the clipboard refuses, selects the reference and says how to copy it", async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
      });
    });
    const { reference } = await send(page, "pt-BR");
    await page.getByRole("button", { name: STRINGS["pt-BR"].copyReference }).click();
    await expect(page.locator("#ft-copy-status")).toHaveText(STRINGS["pt-BR"].copyByHand);
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(reference);
  });
});

test("the check page prints the answers without Change links or buttons", async ({ page }) => {
  await seedDraft(page, validDraft(), "check");
  await page.goto("/en/request/check");
  await expect(page.getByRole("button", { name: STRINGS.en.printAnswers })).toBeVisible();
  await expect(page.locator(".ft-wizard .ft-summary-list__row").first()).toBeVisible();
  const answers = await answerRows(page, ".ft-wizard");
  await page.emulateMedia({ media: "print" });
  expect(await visibleControls(page)).toEqual([]);
  const { text } = await pdfText(await page.pdf({ format: "A4" }));
  for (const [question] of answers) expect(text).toContain(question.replace(/\s+/g, " "));
});

test("the guide prints without navigation, with each external link's address", async ({ page }) => {
  await page.goto("/en/");
  // The page as built (no app takes it over with the built config.json).
  await page.waitForLoadState("networkidle");
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".ft-header", ".ft-skip-link", ".ft-toc"]) await expect(page.locator(hidden)).toBeHidden();
  const link = page.locator(".ft-guide a.ft-external").first();
  const href = (await link.getAttribute("href"))!;
  expect(await link.evaluate((a) => getComputedStyle(a, "::after").content)).toContain(href);
  for (const whole of [".ft-diagram", ".ft-roles"]) {
    expect(await page.locator(whole).evaluate((el) => getComputedStyle(el).breakInside)).toBe("avoid");
  }
  const { count, text } = await pdfText(await page.pdf({ format: "A4" }));
  expect(count).toBeGreaterThanOrEqual(2);
  expect(text).toContain(href);
  expect(text).toContain("Last updated");
  expect(text).toContain("Roles and responsibilities");
  expect(text).not.toContain("Skip to main content");
});

test("embedded, the app prints alone while it prints, and the host's page otherwise", async ({ page }) => {
  // A host page at one of the app's addresses: its own header, the app in an element.
  await page.route("**/en/request/check", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>Portal</title><base href="/" />
        <link rel="stylesheet" href="fasttrack.css" /><script type="module" src="boot.js"></script></head>
        <body><header id="portal-chrome"><h1>Contoso portal</h1></header>
        <main><section id="portal-side">Portal news</section><div id="slot" data-fasttrack></div></main></body></html>`,
    }),
  );
  await seedDraft(page, validDraft(), "check");
  await page.goto("/en/request/check");
  const print = page.getByRole("button", { name: STRINGS.en.printAnswers });
  await expect(print).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("#portal-chrome")).toBeVisible();
  // The app prints: the host's chrome is left out until the printing ends.
  await page.evaluate(() => (window.print = () => {}));
  await page.emulateMedia({ media: "screen" });
  await print.click();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("#portal-chrome")).toBeHidden();
  await expect(page.locator("#portal-side")).toBeHidden();
  await expect(page.locator(".ft-summary-list").first()).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect(page.locator("#portal-chrome")).toBeVisible();
  await expect(page.locator("html")).not.toHaveClass(/ft-printing/);
});
