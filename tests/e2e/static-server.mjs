// A static file server for the end-to-end tests: serves dist/ under a base path and, like a
// single-page-app host, answers index.html for any other address under that base.
// Usage: node tests/e2e/static-server.mjs --dir dist --port 4173 [--base /tools/fasttrack/]
//        [--proxy /api=http://127.0.0.1:4174]   (forwards that prefix, like `trunk serve`)
import { createServer, request as httpRequest } from "node:http";
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
const [proxyPrefix, proxyTarget] = (args.proxy ?? "").split("=");

function proxy(req, res) {
  const target = new URL(proxyTarget);
  const out = httpRequest(
    { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  // The upstream dropped the connection: drop ours too, as a real proxy in front would.
  out.on("error", () => res.destroy());
  req.pipe(out);
}

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
  if (proxyPrefix && proxyTarget && pathname.startsWith(proxyPrefix)) {
    proxy(req, res);
    return;
  }
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
