// A scriptable backend for the end-to-end tests. It sits between the app and the real
// receiver: by default it forwards every request; a test can queue faults for the next ones.
//
//   POST   /__faults   body: [{"status":503,"retry_after":"1"}, {"hang":true}, {"drop":true},
//                             {"status":422,"body":{...}}, {"pass":true}]   (appended to the queue;
//                             a fault with "sticky":true stays until DELETE; "delay_ms":N holds
//                             the request that long first, e.g. {"pass":true,"delay_ms":3000};
//                             "text" answers that raw body instead of JSON, "location" adds the
//                             header, e.g. {"status":302,"location":"/sign-in"} or
//                             {"status":200,"content_type":"text/html","text":"<!doctype html>…"})
//   DELETE /__faults   empties the queue and the log
//   ANY    /no-cors/…  answers without CORS headers (a cross-origin caller must fail)
//   GET    /__log      what reached /api/requests: [{"key", "url", "csrf", "fault", "sent",
//                      "answer"}] (`csrf`: its X-CSRF-Token header), where `answer` is the
//                      receiver's {status, body} when the request was forwarded
//   GET    /sign-in    a gateway's sign-in page (text/html)
//
// Usage: node tests/e2e/faulty-backend.mjs --port 4174 --upstream http://127.0.0.1:8788
import { createServer, request as httpRequest } from "node:http";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const port = Number(args.port ?? 4174);
const upstream = new URL(args.upstream ?? "http://127.0.0.1:8788");
let queue = [];
let log = [];

const readBody = (req) =>
  new Promise((resolve) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
  });

const safeJson = (buffer) => {
  try {
    return JSON.parse(buffer.toString());
  } catch {
    return null;
  }
};

/** Forwards to the receiver; records its answer in `entry` (when there is one). */
function forward(req, res, body, entry) {
  const out = httpRequest(
    { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
    async (answer) => {
      const payload = await readBody(answer);
      if (entry) entry.answer = { status: answer.statusCode, body: safeJson(payload) };
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.end(payload);
    },
  );
  out.on("error", () => res.writeHead(502).end());
  out.end(body);
}

createServer(async (req, res) => {
  const body = await readBody(req);
  if (req.url === "/__faults" && req.method === "POST") {
    queue.push(...JSON.parse(body.toString() || "[]"));
    res.writeHead(204).end();
    return;
  }
  if (req.url === "/__faults" && req.method === "DELETE") {
    queue = [];
    log = [];
    res.writeHead(204).end();
    return;
  }
  if (req.url === "/__log") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(log));
    return;
  }
  if (req.url === "/sign-in") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><title>Sign in</title><form method=post action=/sign-in><button>Sign in</button></form>");
    return;
  }
  if (req.url?.startsWith("/no-cors/")) {
    // A server that knows nothing of CORS: browsers on other origins must refuse its answers.
    res.writeHead(req.method === "OPTIONS" ? 204 : 201, { "content-type": "application/json" }).end("{}");
    return;
  }
  if (req.url?.startsWith("/api/requests") && req.method === "POST") {
    // A "sticky" fault answers every request until the queue is emptied.
    const fault = queue[0]?.sticky ? queue[0] : (queue.shift() ?? null);
    const entry = {
      key: req.headers["idempotency-key"] ?? null,
      url: req.url,
      csrf: req.headers["x-csrf-token"] ?? null,
      fault,
      sent: safeJson(body),
      answer: null,
    };
    log.push(entry);
    if (fault?.hang) return; // never answers: the client's timeout must fire
    if (fault?.delay_ms) await new Promise((resolve) => setTimeout(resolve, fault.delay_ms));
    if (fault?.drop) {
      req.socket.destroy(); // the connection drops without an answer
      return;
    }
    if (fault && !fault.pass) {
      const headers = {};
      if (fault.content_type !== null) headers["content-type"] = fault.content_type ?? "application/problem+json";
      if (fault.retry_after) headers["retry-after"] = fault.retry_after;
      if (fault.location) headers.location = fault.location;
      res.writeHead(fault.status, headers).end(fault.text ?? JSON.stringify(fault.body ?? { status: fault.status }));
      return;
    }
  }
  forward(req, res, body, req.url?.startsWith("/api/requests") ? log.at(-1) : null);
}).listen(port, "127.0.0.1", () => console.log(`faulty backend on http://127.0.0.1:${port} -> ${upstream}`));
