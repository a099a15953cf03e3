// What a first visit to one page fetches from its own origin, from the browser's own requests:
// each answer's body, compressed here with gzip -9 and brotli -q 11 (the server sends the
// brotli one; the sums do not depend on how the files are laid out in the build).
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export async function firstLoad(browser, origin, path, ready) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const answers = new Map(); // pathname -> body; a file fetched twice counts once
  const pending = [];
  page.on("requestfinished", (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin) return;
    pending.push(
      request
        .response()
        .then(async (response) => {
          // A missing optional file (a 404) is not part of the page.
          if (response?.ok() && !answers.has(url.pathname)) answers.set(url.pathname, await response.body());
        })
        .catch(() => {}),
    );
  });
  await page.goto(origin + path);
  await page.waitForSelector(ready);
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  await context.close();
  let raw = 0, gzip = 0, brotli = 0;
  const files = {};
  for (const [name, body] of [...answers].sort(([a], [b]) => a.localeCompare(b))) {
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
    brotli += br;
    files[name] = br;
  }
  return { raw, gzip, brotli, files };
}
