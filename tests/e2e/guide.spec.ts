import { expect, test } from "@playwright/test";
import { ALL_LOCALES, LOCALES, source, chooseLanguage } from "./content";

for (const tag of LOCALES) {
  test(`${tag}: the guide shows its source's title, every role and every responsibility`, async ({ page }) => {
    const facts = source(tag);
    await page.goto(`/${tag}/`);
    await expect(page.locator("h1")).toHaveText(facts.title);
    await expect(page.locator(".ft-frame")).toHaveAttribute("lang", tag);
    const table = page.locator("table.ft-roles");
    await expect(table.locator("caption")).not.toBeEmpty();
    await expect(table.locator('th[scope="col"]')).toHaveCount(2);
    await expect(table.locator('th[scope="row"]')).toHaveText(facts.roles.map((r) => r.name));
    for (const [i, role] of facts.roles.entries()) {
      await expect(table.locator("tbody tr").nth(i).locator("td li")).toHaveText(role.responsibilities);
    }
    await expect(page.locator(".ft-attribution")).toContainText("CC BY 4.0");
  });

  test(`${tag}: the diagram is drawn, with a text alternative`, async ({ page }) => {
    const facts = source(tag);
    await page.goto(`/${tag}/`);
    const figure = page.getByRole("figure", { name: facts.diagramTitle });
    await expect(figure).toBeVisible();
    const description = await figure.evaluate((el) =>
      (el.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" "),
    );
    expect(description.length).toBeGreaterThan(40);
    await expect(figure.locator(".ft-diagram__step")).toHaveCount(2);
    const apps = tag === "fr-FR" ? "Office 365 ProPlus" : "Microsoft 365 Apps";
    await expect(figure).toContainText(apps);
    await expect(figure.locator("img")).toHaveCount(0);
  });

}

// Every locale, scripts without spaces included: the guide, its diagram and its roles table fit.
for (const tag of ALL_LOCALES) {
  test(`${tag}: no horizontal scrolling at 320 px`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`/${tag}/`);
    await expect(page.locator("table.ft-roles")).toBeVisible();
    await expect(page.locator(".ft-diagram")).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test("at 320 px the language switcher opens with every language inside the screen, by keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/ja-JP/");
  const summary = page.locator(".ft-languages summary");
  await expect(summary).toHaveText("日本語");
  await summary.focus();
  await page.keyboard.press("Enter");
  const links = page.locator(".ft-languages a");
  await expect(links).toHaveCount(ALL_LOCALES.length);
  for (const link of await links.all()) {
    await expect(link).toBeVisible();
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // Tab walks the list; Enter follows a link.
  for (let i = 0; i < ALL_LOCALES.length + 2; i++) {
    await page.keyboard.press("Tab");
    if (await page.locator(".ft-languages a[hreflang=vi-VN]").evaluate((a) => a === document.activeElement)) break;
  }
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/vi-VN\/$/);
  await expect(page.locator("h1")).toHaveText(source("vi-VN").title);
});

// Regression: the prose lists' spacing between items pushed the second link below the first.
test("the header's two links sit on one line, the current one too", async ({ page }) => {
  for (const path of ["/en/", "/en/request/about"]) {
    await page.goto(path);
    await expect(page.locator(".ft-nav a")).toHaveCount(2);
    const tops = await page.locator(".ft-nav a").evaluateAll((links) => links.map((a) => a.getBoundingClientRect().top));
    expect(Math.abs(tops[0] - tops[1]), `${path}: ${tops}`).toBeLessThan(1);
  }
});

test("a deep link to #the-onboarding-process lands on that section", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.goto("/pt-BR/#the-onboarding-process");
  const section = page.locator("#the-onboarding-process");
  await expect(section.locator("h2")).toHaveText("O processo de integração");
  await expect(section).toBeInViewport();
  const top = await section.evaluate((el) => el.getBoundingClientRect().top);
  expect(Math.abs(top)).toBeLessThan(80);
});

test("the table of contents links to every section", async ({ page }) => {
  await page.goto("/en/");
  const links = page.locator(".ft-toc a");
  await expect(links).toHaveCount(7);
  // Where each link leads, resolved by the browser: this page's section (a bare "#id" would
  // resolve against <base href>, not this page). The prerendered page writes them relative to
  // its base, the app absolute; both must lead here.
  for (const href of await links.evaluateAll((as) => as.map((a) => {
    const url = new URL((a as HTMLAnchorElement).href);
    return url.pathname + url.hash;
  }))) {
    expect(href).toMatch(/^\/en\/#[a-z-]+$/);
    await expect(page.locator(`#${href.split("#")[1]}`)).toHaveCount(1);
  }
  await page.setViewportSize({ width: 1000, height: 500 });
  await page.getByRole("link", { name: "Roles and responsibilities" }).click();
  await expect(page).toHaveURL(/\/en\/#roles-and-responsibilities$/);
  await expect(page.locator("#roles-and-responsibilities")).toBeInViewport();
});

test("switching language keeps the page and the section, and is remembered", async ({ page }) => {
  await page.goto("/en/#partners");
  await chooseLanguage(page, "Français");
  await expect(page).toHaveURL(/\/fr-FR\/#partners$/);
  await expect(page.locator("h1")).toHaveText(source("fr-FR").title);
  await expect(page.locator(".ft-frame")).toHaveAttribute("lang", "fr-FR");

  await page.goto("/en/request");
  await chooseLanguage(page, "Português (Brasil)");
  await expect(page).toHaveURL(/\/pt-BR\/request$/);

  await page.goto("/");
  await expect(page).toHaveURL(/\/pt-BR\/$/);
});

test.describe("the root address picks the browser's language", () => {
  test.use({ locale: "fr-CA" });
  test("fr-CA gets fr-FR", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/fr-FR\/$/);
    await expect(page.locator("h1")).toHaveText(source("fr-FR").title);
  });
});

test.describe("a language we do not offer falls back to English", () => {
  test.use({ locale: "nl-NL" });
  test("nl-NL gets en", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/en\/$/);
  });
});

test("an unknown locale gets a clear page with links to the known ones", async ({ page }) => {
  await page.goto("/xx-YY/");
  await expect(page.locator("h1")).toHaveText("Page not found");
  await expect(page.locator("main")).toContainText("xx-YY");
  await expect(page.locator("main a")).toHaveCount(ALL_LOCALES.length);
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page.locator("h1")).toHaveText(source("fr-FR").title);
});

test("a locale tag in other letter case is sent to its canonical address", async ({ page }) => {
  await page.goto("/pt-br/#partners");
  await expect(page).toHaveURL(/\/pt-BR\/#partners$/);
});

test("fr-FR says its text is older and links to the newest versions", async ({ page }) => {
  await page.goto("/fr-FR/");
  const notice = page.locator(".ft-callout--outdated");
  await expect(notice).toContainText("4 septembre 2018");
  await expect(notice).toContainText("1 juillet 2020");
  await notice.getByRole("link", { name: "Português (Brasil)" }).click();
  await expect(page).toHaveURL(/\/pt-BR\/$/);
  await expect(page.locator(".ft-callout--outdated")).toHaveCount(0);
  await expect(page.locator(".ft-meta time")).toContainText("1 de julho de 2020");
});

test("every note is a callout and fr-FR has two", async ({ page }) => {
  await page.goto("/fr-FR/");
  await expect(page.locator("aside.ft-callout")).toHaveCount(2);
  await page.goto("/pt-BR/");
  await expect(page.locator("aside.ft-callout")).toHaveCount(1);
  await expect(page.locator("#getting-help ol li")).toHaveCount(3);
  await expect(page.locator("#partners ol li")).toHaveCount(5);
});

test("external links open safely; the form steps link to the request page", async ({ page }) => {
  await page.goto("/pt-BR/");
  // count() does not wait: let the guide render first.
  await expect(page.locator("h1")).toHaveText(source("pt-BR").title);
  const external = page.locator('.ft-guide a[href^="https://"]');
  expect(await external.count()).toBeGreaterThan(5);
  for (const rel of await external.evaluateAll((as) => as.map((a) => a.getAttribute("rel")))) {
    expect(rel).toContain("noopener");
  }
  // The prerendered page's links are relative to its <base>: compare where they lead.
  const formLinks = page.locator('.ft-guide a[href$="pt-BR/request"]');
  await expect(formLinks).toHaveCount(2);
  for (const href of await formLinks.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
    expect(new URL(href).pathname).toBe("/pt-BR/request");
  }
  await expect(formLinks.first()).toHaveText("Solicitar assistência para o Microsoft 365");
  await formLinks.first().click();
  await expect(page).toHaveURL(/\/pt-BR\/request$/);
  await expect(page.locator("h1")).toHaveText("Solicitar assistência para o Microsoft 365");
});

test("where settings need it the app takes the guide over, with its guide piece; the wizard is drawn in place, and Back returns", async ({ page }) => {
  const wasm: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push(new URL(r.url()).pathname);
  });
  // A setting: the prerendered page is taken over (with the built config.json it is not).
  await page.route("**/config.json", (route) => route.fulfill({ json: { default_locale: "en" } }));
  await page.goto("/en/");
  await expect(page.locator("h1")).toHaveText(source("en").title);
  // The page is prerendered; the app loads to take it over once the page is idle: its first
  // piece, the guide's and the code pieces share.
  await expect(page.locator("[data-fasttrack]")).not.toHaveAttribute("data-prerendered", { timeout: 10_000 });
  expect(wasm.filter((w) => /^\/fasttrack-onboarding-[0-9a-f]+_bg\.wasm$/.test(w))).toHaveLength(1);
  expect(wasm.filter((w) => /^\/fasttrack-onboarding-guide-[0-9a-f]+\.wasm$/.test(w))).toHaveLength(1);
  expect(wasm.filter((w) => !/^\/fasttrack-onboarding-([0-9a-f]+_bg|guide-[0-9a-f]+|chunk_\d+-[0-9a-f]+)\.wasm$/.test(w))).toEqual([]);
  // The wizard, in place: no page load, and no second copy of the app.
  await page.getByRole("navigation").getByRole("link", { name: "Request assistance" }).click();
  await expect(page).toHaveURL(/\/en\/request$/);
  await expect(page.locator("h1")).toHaveText("Request assistance for Microsoft 365");
  expect(wasm.filter((w) => w.endsWith("_bg.wasm"))).toHaveLength(1);
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.locator("h1")).toHaveText(source("en").title);
});

test("bold stays bold and the data-migration link stays a link", async ({ page }) => {
  await page.goto("/en/");
  await expect(page.locator("#getting-help strong", { hasText: "Need help?" })).toHaveCount(1);
  await expect(page.getByRole("link", { name: /^Data Migration/ })).toHaveAttribute(
    "href",
    "https://learn.microsoft.com/en-us/microsoft-365/fasttrack/o365-data-migration",
  );
});
