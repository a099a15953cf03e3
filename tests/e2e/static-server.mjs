// A static file server for the end-to-end tests: serves dist/ under a base path and, like a
// single-page-app host, answers index.html for any other address under that base.
// Usage: node tests/e2e/static-server.mjs --dir dist --port 4173 [--base /tools/fasttrack/]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const root = resolve(args.dir ?? "dist");
const port = Number(args.port ?? 4173);
const base = (args.base ?? "/").replace(/\/?$/, "/");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

async function fileFor(pathname) {
  const inside = normalize(decodeURIComponent(pathname.slice(base.length)));
  if (inside.startsWith("..")) return null;
  const candidate = join(root, inside);
  try {
    if ((await stat(candidate)).isFile()) return candidate;
  } catch {}
  return extname(inside) ? null : join(root, "index.html");
}

createServer(async (req, res) => {
  const { pathname } = new URL(req.url, "http://localhost");
  const path = pathname === base.slice(0, -1) ? base : pathname;
  const file = path.startsWith(base) ? await fileFor(path) : null;
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, {
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "cache-control": "no-store",
  });
  res.end(body);
}).listen(port, "127.0.0.1", () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}${base}`);
});
