// A static file server for the end-to-end tests, behaving like a single-page-app host: each
// mount serves a directory under a path prefix, a folder's index.html for an address ending
// in "/", the file named like the address with ".html" where there is one, and the mount's
// index.html for any other address under that prefix.
//
// node tests/e2e/static-server.mjs --port 4173 --dir dist [--base /tools/fasttrack/]
//      [--mount /portal/=tests/e2e/host]...      more directories under other prefixes
//      [--proxy /api=http://127.0.0.1:4174]      forwards that prefix, like `trunk serve`
//      [--header "Content-Security-Policy: ..."]... added to every answer
//      [--compress]                              brotli (-q 11) when the browser accepts it, as
//                                                a production host would (make bench)
// --port 0 takes a free port; the "serving ... on http://127.0.0.1:PORT" line names it.
import { createServer, request as httpRequest } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const argv = process.argv.slice(2);
const all = (name) => argv.flatMap((a, i) => (a === `--${name}` ? [argv[i + 1]] : []));
const one = (name, fallback) => all(name).at(-1) ?? fallback;

const port = Number(one("port", 4173));
const mounts = all("mount").map((m) => {
  const [prefix, dir] = m.split("=");
  return { prefix: prefix.replace(/\/?$/, "/"), root: resolve(dir) };
});
if (all("dir").length) {
  mounts.push({ prefix: one("base", "/").replace(/\/?$/, "/"), root: resolve(one("dir")) });
}
// The longest prefix wins.
mounts.sort((a, b) => b.prefix.length - a.prefix.length);
const [proxyPrefix, proxyTarget] = (one("proxy", "") ?? "").split("=");
const compress = argv.includes("--compress");
const compressed = new Map(); // file -> brotli body; dist/ does not change while serving
const extraHeaders = Object.fromEntries(
  all("header").map((h) => [h.slice(0, h.indexOf(":")).trim(), h.slice(h.indexOf(":") + 1).trim()]),
);

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

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

async function fileFor(pathname) {
  const path = pathname;
  const mount = mounts.find((m) => path.startsWith(m.prefix) || path + "/" === m.prefix);
  if (!mount) return null;
  const inside = normalize(decodeURIComponent(path.slice(mount.prefix.length)));
  if (inside.startsWith("..")) return null;
  const candidate = join(mount.root, inside);
  try {
    if ((await stat(candidate)).isFile()) return candidate;
  } catch {}
  // A folder's own index.html for an address ending in "/" (a prerendered page), as hosts do.
  if (path.endsWith("/") && inside !== ".") {
    try {
      const index = join(candidate, "index.html");
      if ((await stat(index)).isFile()) return index;
    } catch {}
  }
  // The file of that name with ".html" (a prerendered question, `en/request/about.html`), as
  // hosts with "pretty" or "clean" addresses do (nginx: `try_files $uri $uri.html ...`).
  if (!path.endsWith("/") && !extname(inside)) {
    try {
      if ((await stat(candidate + ".html")).isFile()) return candidate + ".html";
    } catch {}
  }
  return extname(inside) ? null : join(mount.root, "index.html");
}

const server = createServer(async (req, res) => {
  const { pathname } = new URL(req.url, "http://localhost");
  if (proxyPrefix && proxyTarget && pathname.startsWith(proxyPrefix)) {
    proxy(req, res);
    return;
  }
  const file = await fileFor(pathname);
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain", ...extraHeaders }).end("not found");
    return;
  }
  let body = await readFile(file);
  const headers = {
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "cache-control": "no-store",
    ...extraHeaders,
  };
  if (compress && /\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
    if (!compressed.has(file)) {
      compressed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
    body = compressed.get(file);
    headers["content-encoding"] = "br";
    headers["vary"] = "accept-encoding";
  }
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(port, "127.0.0.1", () => {
  const { port: actual } = server.address();
  console.log(`serving ${mounts.map((m) => `${m.prefix} -> ${m.root}`).join(", ")} on http://127.0.0.1:${actual}`);
});
