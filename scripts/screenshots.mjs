// `make screenshots`: the README's two pictures, taken from the release build in dist/ as a
// reader sees it: the guide's top (docs/images/guide.png) and the wizard's first question after
// Continue with nothing answered (docs/images/wizard.png), in English, at 1024 × 720.
import { chromium } from "@playwright/test";
import { existsSync } from "node:fs";
import { CHROMIUM, FLAGS } from "../bench/lighthouse.mjs";
import { serve } from "../bench/serve.mjs";

const OUT = "docs/images";
if (!existsSync("dist/index.html")) {
  console.error("screenshots: dist/ has no release build: run `make build` first");
  process.exit(1);
}

const server = await serve("dist");
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 720 }, locale: "en-GB" });
  await page.goto(`${server.origin}/en/`);
  await page.locator("h1").waitFor();
  await page.screenshot({ path: `${OUT}/guide.png` });

  await page.goto(`${server.origin}/en/request/about`);
  // The question is answerable once the app has taken the prerendered page over.
  const button = page.getByRole("button", { name: "Continue" });
  await button.and(page.locator(":enabled")).waitFor();
  await button.click();
  await page.locator("#ft-error-summary").waitFor();
  await page.screenshot({ path: `${OUT}/wizard.png` });
  console.log(`screenshots: ${OUT}/guide.png and ${OUT}/wizard.png`);
} finally {
  await browser.close();
  server.stop();
}
