// The custom element <fasttrack-onboarding>: the app in its own shadow root, inside a portal
// built on Bootstrap's compiled stylesheet (npm) under a strict CSP. The portal's rules must
// not reach in; the router, focus, events, printing and settings must work as in the light DOM.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { source } from "./content";
import { startStaticServer, stop } from "./servers";
import { REFERENCE, answerFromServicesToCheck, expectInlineError } from "./wizard-helpers";
import { STRINGS } from "./wizard-strings";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const HOST = "http://127.0.0.1:4177";
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  server = await startStaticServer([
    "--port", "4177",
    "--mount", "/fasttrack/=dist",
    "--mount", "/element/=tests/e2e/host-element",
    "--mount", "/portal/=tests/e2e/host",
    "--mount", "/vendor/=node_modules/bootstrap/dist/css",
    "--proxy", "/api=http://127.0.0.1:4174",
    "--header", `Content-Security-Policy: ${CSP}`,
  ]);
});

test.afterAll(() => stop(server));

type Logged = { name: string; detail: any; target: string | null };
const hostLog = (page: Page): Promise<Logged[]> => page.evaluate(() => (window as any).hostLog);

/** The id of the focused element, looking into shadow roots (document.activeElement is the host). */
const focusedId = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id ?? "";
  });

/** CSP violations and uncaught errors, to be empty at the end. Not those axe-core causes: it
 * applies inline styles while it measures (one refused style attribute per run). */
let axeRunning = false;
function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text()) && !axeRunning) violations.push(m.text());
  });
  page.on("pageerror", (e) => violations.push(e.message));
  return violations;
}

async function expectNoAxeViolations(page: Page, what: string) {
  axeRunning = true;
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze().finally(async () => {
    // Let the console messages of the run arrive while they are still axe's.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    axeRunning = false;
  });
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found, what).toEqual([]);
}

// What the portal's element rules would change in a light-DOM widget (Bootstrap's h1, a,
// button, input, table, `*, ::before, ::after { box-sizing }`, the portal's own h1 and button).
const PROPERTIES = {
  h1: ["color", "font-size", "font-weight", "line-height", "margin-top", "margin-bottom"],
  ".ft-roles": ["border-collapse", "table-layout", "caption-side", "font-size"],
  ".ft-roles th": ["padding-top", "padding-left", "border-bottom-width", "text-align", "font-weight"],
  ".ft-frame": ["box-sizing", "color", "background-color", "line-height", "font-size"],
  ".ft-nav a": ["text-decoration-line", "font-weight"],
  "button.ft-button": ["border-top-width", "border-top-style", "border-radius", "padding-top", "padding-left", "text-transform", "font-size", "background-color", "color"],
  "#requester-kind": ["box-sizing", "width", "height", "margin-top", "border-top-width"],
  "#deployment-date": ["border-top-width", "border-top-style", "border-top-color", "padding-top", "font-size", "height", "box-sizing", "border-radius"],
  "label.ft-label, legend": ["font-weight", "margin-bottom", "font-size"],
} as const;

async function computed(page: Page, selectors: string[]) {
  const out: Record<string, Record<string, string>> = {};
  for (const selector of selectors) {
    const props = PROPERTIES[selector as keyof typeof PROPERTIES];
    out[selector] = await page
      .locator(`#ft ${selector}`)
      .first()
      .evaluate((el, names) => Object.fromEntries(names.map((n) => [n, getComputedStyle(el).getPropertyValue(n)])), props as unknown as string[]);
  }
  return out;
}

/** The computed styles of the guide, the first question and the services page, in one portal page. */
async function stylesOf(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator("#ft h1")).toHaveText(source("en").title);
  const guide = await computed(page, ["h1", ".ft-roles", ".ft-roles th", ".ft-frame", ".ft-nav a"]);
  const link = await page.locator("#ft .ft-guide a[href^='http']").first().evaluate((el) => getComputedStyle(el).color);
  const fonts = await page.evaluate(() => ({
    app: getComputedStyle(document.querySelector("fasttrack-onboarding")!.shadowRoot!.querySelector(".ft-app")!).fontFamily,
    portal: getComputedStyle(document.body).fontFamily,
  }));
  await page.locator("#ft .ft-nav a", { hasText: "Request assistance" }).click();
  await page.locator("#ft a.ft-button--start").click();
  await expect(page.locator("#requester-kind")).toBeVisible();
  const about = await computed(page, ["button.ft-button", "#requester-kind", "label.ft-label, legend"]);
  await page.locator("#requester-kind").check();
  await page.locator("#ft form.ft-form button[type=submit]").click();
  await expect(page.locator("#deployment-date")).toBeVisible();
  const services = await computed(page, ["#deployment-date"]);
  return { styles: { ...guide, ...about, ...services }, link, fonts };
}

test("the portal's stylesheets do not reach into the element; its --ft-* properties and inherited font do", async ({ browser }) => {
  // Two fresh contexts: no answers carried from one portal page to the other.
  const plainContext = await browser.newContext();
  const bootstrapContext = await browser.newContext();
  const plain = await stylesOf(await plainContext.newPage(), `${HOST}/element/?plain`);
  const page = await bootstrapContext.newPage();
  const violations = watchViolations(page);
  const withBootstrap = await stylesOf(page, `${HOST}/element/`);
  // Bootstrap is really there: it styles the portal's own heading and box sizing.
  await page.goto(`${HOST}/element/`);
  await expect(page.locator("#host-title")).toHaveCSS("color", "rgb(200, 0, 0)");
  await expect(page.locator("#host-title")).toHaveCSS("font-weight", "500");
  await expect(page.locator("body")).toHaveCSS("box-sizing", "border-box");

  expect(withBootstrap.styles).toEqual(plain.styles);
  // Sanity: the comparison read real values.
  expect(plain.styles.h1["font-weight"]).toBe("700");
  expect(plain.styles[".ft-roles"]["border-collapse"]).toBe("collapse");
  // The theme set on the element (portal.css) reaches the app; without it, the default.
  expect(withBootstrap.link).toBe("rgb(0, 90, 60)");
  expect(plain.link).toBe("rgb(11, 87, 164)");
  // The font family is inherited from the portal (no --ft-font on the element).
  expect(withBootstrap.fonts.app).toBe(withBootstrap.fonts.portal);
  expect(plain.fonts.app).toBe(plain.fonts.portal);
  expect(withBootstrap.fonts.app).not.toBe(plain.fonts.app);
  expect(violations).toEqual([]);
  await plainContext.close();
  await bootstrapContext.close();
});

test("inside the shadow root: router, focus, skip link, errors, printing, events, axe, CSP", async ({ page }) => {
  const violations = watchViolations(page);
  await page.goto(`${HOST}/element/`);
  await expect(page.locator("#ft h1")).toHaveText(source("en").title);
  // Outside its base, the app shows its home without touching the portal's address.
  await expect(page).toHaveURL(`${HOST}/element/`);
  await expectNoAxeViolations(page, "guide");
  const composed = page.evaluate(
    () => new Promise((resolve) => document.addEventListener("fasttrack:step", (e) => resolve(e.composed), { once: true })),
  );

  // A section link: the router moves, and the section is scrolled to.
  const tocLink = page.locator("#ft .ft-toc a").last();
  const id = await tocLink.evaluate((a) => new URL((a as HTMLAnchorElement).href).hash.slice(1));
  await tocLink.click();
  await expect(page).toHaveURL(`${HOST}/element/help/en/#${id}`);
  await expect.poll(() => page.locator(`#${id}`).evaluate((el) => Math.abs(el.getBoundingClientRect().top))).toBeLessThan(80);

  // The skip link moves focus to the app's main region.
  await page.locator("#ft .ft-skip-link").focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => focusedId(page)).toBe("ft-main");

  // Into the wizard by its links; errors take focus and link to their fields.
  await page.locator("#ft .ft-nav a", { hasText: "Request assistance" }).click();
  await expect(page).toHaveURL(`${HOST}/element/help/en/request`);
  expect(await composed).toBe(true);
  await page.locator("#ft a.ft-button--start").click();
  await expect(page).toHaveURL(`${HOST}/element/help/en/request/about`);
  await page.locator("#ft form.ft-form button[type=submit]").click();
  await expect(page.locator("#ft-error-summary")).toBeFocused();
  await expect.poll(() => focusedId(page)).toBe("ft-error-summary");
  await expectInlineError(page, "requester-kind", STRINGS.en.selectWho);
  await expectNoAxeViolations(page, "question with errors");
  await page.locator("#ft-error-summary li a").first().click();
  await expect.poll(() => focusedId(page)).toBe("requester-kind");

  // Back and forward move between the app's pages.
  await page.locator("#requester-kind").check();
  await page.locator("#ft form.ft-form button[type=submit]").click();
  await expect(page).toHaveURL(`${HOST}/element/help/en/request/services`);
  // Focus after a page change, and the live region's announcement, inside the shadow root.
  await expect.poll(() => focusedId(page)).toBe("ft-step-heading");
  await expect(page.locator("#ft-announcer")).toHaveText("Step 2 of 5: What do you need help with?");
  await page.goBack();
  await expect(page).toHaveURL(`${HOST}/element/help/en/request/about`);
  await expect(page.locator("#requester-kind")).toBeChecked();
  await page.goForward();
  await expect(page).toHaveURL(`${HOST}/element/help/en/request/services`);

  await answerFromServicesToCheck(page, (slug) => `${HOST}/element/help/en/request/${slug}`, "Shadow request");
  await expectNoAxeViolations(page, "check page");

  // Printing: the portal's chrome is left out while the app prints, and only then.
  await page.evaluate(() => (window.print = () => {}));
  await page.getByRole("button", { name: STRINGS.en.printAnswers }).click();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".host-header")).toBeHidden();
  await expect(page.locator("#host-title")).toBeHidden();
  await expect(page.locator("#ft .ft-summary-list").first()).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect(page.locator(".host-header")).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // Sent: the reference reaches the portal's document as fasttrack:submitted.
  await page.locator("#ft form.ft-form button[type=submit]").click();
  await expect(page.locator("#ft-reference")).toHaveText(REFERENCE);
  const reference = await page.locator("#ft-reference").textContent();
  const log = await hostLog(page);
  expect(log.filter((e) => e.name === "fasttrack:submitted")).toEqual([{ name: "fasttrack:submitted", detail: { reference }, target: "ft" }]);
  expect(log.filter((e) => e.name === "fasttrack:step").map((e) => e.detail.page)).toEqual(
    expect.arrayContaining(["start", "about", "services", "organisation", "your-details", "contacts", "check", "confirmation"]),
  );
  await expectNoAxeViolations(page, "confirmation");

  // The portal's own links are the portal's: a real navigation.
  await page.locator("#host-settings").click();
  await expect(page).toHaveURL(`${HOST}/portal/settings.html`);
  expect(violations).toEqual([]);
});

test("its attributes are its settings, read again when they change; removed, it unmounts; added again, it mounts", async ({ page }) => {
  const warnings: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "warning") warnings.push(m.text());
  });
  await page.goto(`${HOST}/element/?plain`);
  const app = page.locator("#ft");
  await expect(app.locator("h1")).toHaveText(source("en").title);
  await expect(app.locator(".ft-languages a")).toHaveCount(2); // locales="en fr-FR"

  // A changed attribute: the app mounts again with it.
  await page.evaluate(() => document.getElementById("ft")!.setAttribute("locales", "fr-FR"));
  await expect(app.locator("h1")).toHaveText(source("fr-FR").title);
  await expect(app.locator(".ft-languages a")).toHaveCount(1);
  // What does not fit an attribute: the `settings` property, as mount()'s options.
  await page.evaluate(() => ((document.getElementById("ft") as any).settings = { locales: ["en", "fr-FR"], default_locale: "en" }));
  await expect(app.locator("h1")).toHaveText(source("en").title);
  await expect(app.locator(".ft-languages a")).toHaveCount(2);

  // The theme follows the reader's colour scheme and motion preference inside the shadow root.
  const frame = app.locator(".ft-app");
  await expect(frame).toHaveCSS("background-color", "rgb(255, 255, 255)");
  await expect(frame).toHaveCSS("scroll-behavior", "smooth");
  await page.emulateMedia({ colorScheme: "dark", reducedMotion: "reduce" });
  await expect(frame).toHaveCSS("background-color", "rgb(22, 22, 26)");
  await expect(frame).toHaveCSS("scroll-behavior", "auto");
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "no-preference" });

  // A bad attribute is refused by name; the rest applies.
  await page.evaluate(() => document.getElementById("ft")!.setAttribute("timeout-ms", "soon"));
  await expect.poll(() => warnings.join("\n")).toContain(
    "fasttrack: attributes of <fasttrack-onboarding>: `timeout_ms` must be a whole number; ignored.",
  );
  await expect(app.locator("h1")).toHaveText(source("en").title);

  // Removed: the app is gone from the shadow root; added again: it is back.
  const readyBefore = (await hostLog(page)).filter((e) => e.name === "fasttrack:ready").length;
  await page.evaluate(() => {
    const element = document.getElementById("ft")!;
    (window as any).__removed = element;
    element.remove();
  });
  expect(await page.evaluate(() => (window as any).__removed.shadowRoot.childNodes.length)).toBe(0);
  await page.evaluate(() => document.querySelector("main")!.append((window as any).__removed));
  await expect(app.locator("h1")).toHaveText(source("en").title);
  const ready = (await hostLog(page)).filter((e) => e.name === "fasttrack:ready");
  expect(ready).toHaveLength(readyBefore + 1);
  expect(ready[ready.length - 1].target).toBe("ft");
});
