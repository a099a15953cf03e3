// A static copy of one page of the app: the document as the browser holds it once the app has
// drawn it (whether the app drew it from an empty page or a prerendered one), without its
// scripts: every <script>, and every preload of a script, of the wasm or of what the scripts
// fetch (config.json). The stylesheets and the icon it links from its own origin are copied beside
// it at the same addresses. The lower bound for the page: the same HTML and CSS, no app.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const SCRIPT_ONLY = [
  "script",
  "link[rel~=modulepreload]",
  "link[rel~=preload][as=script]",
  "link[rel~=preload][as=fetch]",
  "link[rel~=preload][href$='.wasm']",
  "link[rel~=prefetch]",
].join(", ");

/** Writes the copy of `origin + path` into `outDir` (emptied first); returns what it wrote. */
export async function staticCopy(browser, origin, path, ready, outDir) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin + path);
  await page.waitForSelector(ready);
  await page.waitForLoadState("networkidle");
  const { html, assets, removed } = await page.evaluate((selector) => {
    const root = document.documentElement.cloneNode(true);
    const drop = [...root.querySelectorAll(selector)];
    for (const element of drop) element.remove();
    const assets = [...root.querySelectorAll("link[rel~=stylesheet][href], link[rel~=icon][href]")]
      .map((link) => new URL(link.getAttribute("href"), document.baseURI))
      .filter((url) => url.origin === location.origin)
      .map((url) => url.pathname);
    const doctype = document.doctype ? `<!doctype ${document.doctype.name}>\n` : "";
    return { html: doctype + root.outerHTML, assets, removed: drop.map((e) => e.outerHTML.slice(0, 120)) };
  }, SCRIPT_ONLY);
  await context.close();

  rmSync(outDir, { recursive: true, force: true });
  const write = (name, body) => {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), body);
  };
  for (const asset of new Set(assets)) {
    const answer = await fetch(origin + asset);
    if (!answer.ok) throw new Error(`static copy: ${asset} answered ${answer.status}`);
    write(asset, Buffer.from(await answer.arrayBuffer()));
  }
  // At its own address (a server that answers a folder's index.html) and at the root (one that
  // answers the root index.html for any address, as static-server.mjs does).
  if (path.endsWith("/")) write(`${path}index.html`, html);
  write("index.html", html);
  return { bytes: Buffer.byteLength(html), assets: [...new Set(assets)], removed };
}
