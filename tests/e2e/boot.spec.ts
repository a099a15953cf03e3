// boot.js and the app agree on what a page needs: boot.js writes no address rule of its own
// (a prerendered page names its packs, from the app's `Address`), so the packs it preloads
// while the app downloads are exactly the ones the app then reads: none fetched twice, none
// missing, none preloaded for nothing. Checked on the guide and the first question, at the
// root and under a sub-path. Its facts (attributes, storage keys) come from the build.
import { expect, test, type Page } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { LOCALES } from "./content";
import { startStaticServer, stop } from "./servers";

const SUBPATH = "http://127.0.0.1:4180/sub/path/";
let subpath: ChildProcess | undefined;
test.beforeAll(async () => {
  // dist/ as built, under a sub-path (its pages' <base href> is relative).
  subpath = await startStaticServer(["--port", "4180", "--dir", "dist", "--base", "/sub/path/"]);
});
test.afterAll(() => stop(subpath));

/** Opens `url` with a setting (so that a guide page is taken over too) and returns the packs
 * boot.js preloaded, the packs requested, and the console's warnings about unused preloads. */
async function packsOf(page: Page, url: string) {
  const warnings: string[] = [];
  page.on("console", (m) => /preload/i.test(m.text()) && warnings.push(m.text()));
  const requested: string[] = [];
  page.on("request", (r) => r.url().includes("/locales/") && requested.push(new URL(r.url()).pathname));
  await page.route("**/config.json", (route) => route.fulfill({ json: { timeout_ms: 9000 } }));
  await page.goto(url);
  await expect(page.locator("[data-fasttrack]")).not.toHaveAttribute("data-prerendered", { timeout: 15_000 });
  // Chromium says so a few seconds after the load when a preload was not used.
  await page.waitForTimeout(3500);
  const preloaded = await page.$$eval("link[rel=preload][href*='/locales/']", (links) =>
    links.map((l) => new URL((l as HTMLLinkElement).href).pathname),
  );
  return { preloaded: preloaded.sort(), requested: requested.sort(), warnings };
}

for (const [base, origin] of [
  ["/", "http://127.0.0.1:4173/"],
  ["/sub/path/", SUBPATH],
] as const) {
  for (const tag of LOCALES) {
    for (const [kind, path, packs] of [
      ["guide", `${tag}/`, 3],
      ["first question", `${tag}/request/about`, 2],
    ] as const) {
      test(`under ${base}, ${tag}'s ${kind}: boot.js preloads exactly the packs the app reads`, async ({ page }) => {
        const { preloaded, requested, warnings } = await packsOf(page, origin + path);
        expect(preloaded).toHaveLength(packs);
        expect(preloaded.every((p) => p.startsWith(`${base}locales/${tag}.`))).toBe(true);
        // Each fetched once, by the preload the app's own fetch then used.
        expect(requested).toEqual(preloaded);
        expect(warnings).toEqual([]);
      });
    }
  }
}

test("boot.js is written with the app's own facts: the element's attributes are its settings'", async ({ page }) => {
  await page.goto("/en/");
  const observed = await page.evaluate(async () => {
    await customElements.whenDefined("fasttrack-onboarding");
    return (customElements.get("fasttrack-onboarding") as unknown as { observedAttributes: string[] }).observedAttributes;
  });
  // The settings' table (src/host/config.rs): every setting but config.json's own `locked`.
  const table = readFileSync("src/host/config.rs", "utf8");
  const attributes = [...table.matchAll(/^\s+[a-z_]+ \("([a-z-]+)"\): /gm)].map((m) => m[1]);
  expect(attributes.length).toBeGreaterThan(5);
  expect(observed).toEqual(attributes);
});
