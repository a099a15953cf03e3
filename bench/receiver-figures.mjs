// `make bench-receiver`: figures for the reference receiver over loopback, from a release
// binary this script does not build. Six scenes, each on a receiver of its own (a temporary
// database under .tmp/), with the flags below set explicitly:
//
//   1. load      50 clients, 2,000 POSTs, 10 % of them re-sent with the same key and body:
//                nothing lost, nothing duplicated, p50/p99 latency
//   2. kill -9   the same load, the receiver killed in the middle and restarted on the same
//                database: every request answered 201 before the kill is still stored
//   3. slow-loris 300 connections dripping a request head a byte at a time, while a normal
//                client's health checks and POSTs are timed
//   3b. slow bodies 80 connections (more than --max-in-flight) each sending a whole POST head,
//                then its body a byte every 4 s: the normal client must not be refused
//   4. lock      another process (python3's sqlite3) holds the database locked: POSTs are 503 +
//                Retry-After, /api/health stays quick; after the release POSTs are stored again
//   5. deadline  a POST whose write waits for the lock past --request-timeout: what it is told,
//                and whether it is stored once the lock goes (reported, not checked)
//
// "Lost": a request answered 201 whose reference is not stored. "Duplicated": stored rows beyond
// the distinct keys answered. Both are checked through the receiver itself: `--count`, each key
// sent again must be answered with its first reference, and `receiver export` must list every
// reference answered (python3's sqlite3 reads the table for a receiver without `export`). The
// figures go to the terminal as a table and to bench/receiver-results.json; the exit code is 1
// when a correctness check fails. These are checks of the receiver's behaviour, not budgets:
// the latencies are what this machine gave.
//
// Usage: node bench/receiver-figures.mjs [--receiver PATH] [--out FILE] [--keep] [--markdown]
//   PATH defaults to $CARGO_TARGET_DIR/release/receiver, else target/release/receiver
//   (relative to the repository); --keep leaves the temporary databases in .tmp/; --markdown
//   prints the table as Markdown (as in docs/performance.md).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { cpus } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// The receiver's defaults (receiver/src/limits.rs, store.rs, retention.rs), passed explicitly
// so that the figures do not move when a default does.
const FLAGS = {
  "--max-in-flight": "64",
  "--header-timeout": "5",
  "--body-timeout": "5",
  "--request-timeout": "10",
  "--busy-timeout-ms": "2000",
  "--keep-keys-hours": "24",
};
const LOAD = { clients: 50, requests: 2000, resendShare: 0.1, resendWithin: 150 };
const KILL_AFTER = 800; // 201 answers before the kill -9 (of 2,000 requests)
const SLOW = { connections: 300, seconds: 12, byteEveryMs: 1000, normalEveryMs: 100 };
// More than --max-in-flight (64), each pausing less than --body-timeout (5 s).
const SLOW_BODY = { connections: 80, seconds: 15, byteEveryMs: 4000 };
const LOCK = { concurrentPosts: 3, healthEveryMs: 100 };
const LIMITS = { normalClientMs: 1000, healthUnderLockMs: 200 };

// ---------------------------------------------------------------------------------------------
// Arguments, paths, the request body.

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const targetDir = process.env.CARGO_TARGET_DIR ? resolve(ROOT, process.env.CARGO_TARGET_DIR) : join(ROOT, "target");
const RECEIVER = resolve(option("--receiver") ?? join(targetDir, "release", "receiver"));
const OUT = resolve(option("--out") ?? join(ROOT, "bench", "receiver-results.json"));
const KEEP = args.includes("--keep");
if (!existsSync(RECEIVER)) {
  console.error(`receiver-figures: no receiver at ${RECEIVER}; build it first: cargo build --release -p receiver --locked (or make bench-receiver)`);
  process.exit(2);
}
const TMP = join(ROOT, ".tmp", `receiver-figures-${process.pid}`);
mkdirSync(TMP, { recursive: true });

const EXAMPLE = JSON.parse(readFileSync(join(ROOT, "schema", "examples", "valid-customer.json"), "utf8"));
/** A valid request of its own for each key (its comments name the key), as the bytes sent. */
const bodyFor = (key) => JSON.stringify({ ...EXAMPLE, comments: `receiver figures ${key}` });

// A seeded generator: the same plan of re-sends on every run.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261130);

const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x, digits = 1) => (x === undefined || x === null || Number.isNaN(x) ? null : Number(x.toFixed(digits)));
function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const latency = (ms) => ({
  n: ms.length,
  p50_ms: round(percentile(ms, 50)),
  p99_ms: round(percentile(ms, 99)),
  max_ms: round(ms.length ? Math.max(...ms) : null),
});

// ---------------------------------------------------------------------------------------------
// Receivers: started here, stopped by their own process; never by name.

const children = new Set();
process.on("exit", () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

function track(child) {
  children.add(child);
  child.exited = new Promise((r) => child.once("exit", (code, signal) => r({ code, signal })));
  child.exited.then(() => children.delete(child));
  return child;
}

/** Starts a receiver on `listen` (port 0: any free port) and reads the address it bound. */
async function startReceiver(db, { listen = "127.0.0.1:0", flags = {} } = {}) {
  const all = { ...FLAGS, ...flags };
  const argv = ["--listen", listen, "--db", db, ...Object.entries(all).flat()];
  const proc = track(spawn(RECEIVER, argv, { stdio: ["ignore", "pipe", "pipe"] }));
  const stderr = [];
  proc.stderr.setEncoding("utf8");
  proc.stderr.on("data", (d) => stderr.push(...d.split("\n").filter(Boolean)));
  proc.stdout.setEncoding("utf8");
  const address = await new Promise((resolveAddress, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`receiver did not start within 10 s: ${stderr.join(" ")}`)), 10_000);
    proc.stdout.on("data", (d) => {
      out += d;
      const m = /receiver: listening on http:\/\/([^\s,]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveAddress(m[1]);
      }
    });
    proc.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`receiver exited (${code ?? signal}) before listening: ${stderr.join(" ")}`));
    });
  });
  const port = Number(address.slice(address.lastIndexOf(":") + 1));
  return { proc, db, address, port, base: `http://${address}`, stderr, argv };
}

async function stopReceiver(receiver) {
  if (receiver.proc.exitCode !== null || receiver.proc.signalCode !== null) return;
  receiver.proc.kill("SIGTERM");
  const done = await Promise.race([receiver.proc.exited, sleep(15_000).then(() => null)]);
  if (!done) {
    receiver.proc.kill("SIGKILL");
    await receiver.proc.exited;
  }
}

/** `receiver --db FILE --count`: what the receiver itself says it holds. */
const count = (db) => Number(execFileSync(RECEIVER, ["--db", db, "--count"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim());

/**
 * The stored references, from `receiver export` (JSON Lines); from the requests table with
 * python3's sqlite3 for a receiver without `export`.
 */
function storedReferences(db) {
  const quiet = { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 << 20 };
  try {
    const lines = execFileSync(RECEIVER, ["export", "--db", db], quiet).split("\n").filter(Boolean);
    return { via: "receiver export", refs: lines.map((l) => JSON.parse(l).reference) };
  } catch {
    const script = "import sqlite3, sys, json\nc = sqlite3.connect(sys.argv[1])\nprint(json.dumps([r[0] for r in c.execute('SELECT reference FROM requests')]))";
    try {
      return { via: "python3 sqlite3", refs: JSON.parse(execFileSync("python3", ["-c", script, db], quiet)) };
    } catch (e) {
      return { skipped: String(e.stderr || e.message).trim().split("\n").pop() };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP: one request, its answer and its time; connection failures are answers too.

function send(base, { method = "GET", path = "/api/health", headers = {}, body, agent = false, timeoutMs = 30_000 }) {
  return new Promise((resolveSend) => {
    const t0 = now();
    let settled = false;
    const done = (result) => {
      if (settled) return;
      settled = true;
      resolveSend({ ...result, ms: now() - t0, end: now() });
    };
    const request = http.request(base + path, { method, headers, agent }, (response) => {
      const chunks = [];
      response.on("data", (c) => chunks.push(c));
      response.on("end", () =>
        done({ ok: true, status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
      response.on("error", (e) => done({ ok: false, error: e.code ?? e.message }));
    });
    request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    request.on("error", (e) => done({ ok: false, error: e.code ?? e.message }));
    request.end(body);
  });
}

const post = (base, key, body, agent = false) =>
  send(base, {
    method: "POST",
    path: "/api/requests",
    headers: { "content-type": "application/json", "idempotency-key": key, "content-length": Buffer.byteLength(body) },
    body,
    agent,
  });
const reference = (answer) => {
  try {
    return JSON.parse(answer.body).id ?? null;
  } catch {
    return null;
  }
};
const problemType = (answer) => {
  try {
    return (JSON.parse(answer.body).type ?? "").split("/").pop();
  } catch {
    return "";
  }
};

// ---------------------------------------------------------------------------------------------
// The load: 1,800 keys and 200 re-sends of them, placed 1 to 150 places after their first send
// (so some are under way at the same time as it, some come after its answer).

function plan(prefix) {
  const distinct = Math.round(LOAD.requests * (1 - LOAD.resendShare));
  const resends = LOAD.requests - distinct;
  const jobs = [];
  for (let i = 0; i < distinct; i++) {
    const key = `${prefix}-${String(i).padStart(4, "0")}`;
    jobs.push({ key, body: bodyFor(key), resend: false, at: i });
  }
  const chosen = new Set();
  while (chosen.size < resends) chosen.add(Math.floor(random() * distinct));
  for (const i of chosen) jobs.push({ ...jobs[i], resend: true, at: i + 0.5 + Math.floor(random() * LOAD.resendWithin) });
  return jobs.sort((a, b) => a.at - b.at).map((job, order) => ({ ...job, order }));
}

/**
 * Runs `jobs` with `clients` workers over one keep-alive agent. A connection failure (the
 * receiver went away) is retried with the same key and body once `gate.wait` lets it; a 503 is
 * retried after its Retry-After. Every attempt is tagged with the receiver it went to (`target.epoch`).
 */
async function runJobs(jobs, target, { gate = {}, onAnswer = () => {} } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: LOAD.clients });
  const stats = { connectionErrors: 0, busy503: 0 };
  let next = 0;
  async function worker() {
    for (;;) {
      const job = jobs[next++];
      if (!job) return;
      job.sentAt = now();
      job.attempts = 0;
      for (;;) {
        if (gate.wait) await gate.wait;
        const epoch = target.epoch;
        job.attempts++;
        const answer = await post(target.base, job.key, job.body, agent);
        if (!answer.ok) {
          stats.connectionErrors++;
          job.interrupted = true;
          if (now() - job.sentAt > 60_000) {
            job.status = `gave up: ${answer.error}`;
            break;
          }
          await sleep(50);
          continue;
        }
        if (answer.status === 503) {
          stats.busy503++;
          await sleep(1000 * Number(answer.headers["retry-after"] ?? 1));
          continue;
        }
        Object.assign(job, {
          status: answer.status,
          ms: answer.ms,
          total_ms: answer.end - job.sentAt,
          answeredAt: answer.end,
          epoch,
          ref: answer.status === 201 ? reference(answer) : null,
          replayed: answer.headers["idempotent-replayed"] === "true",
          problem: answer.status === 201 ? undefined : answer.body.slice(0, 300),
        });
        onAnswer(job);
        break;
      }
    }
  }
  const t0 = now();
  await Promise.all(Array.from({ length: LOAD.clients }, worker));
  agent.destroy();
  return { ...stats, seconds: (now() - t0) / 1000 };
}

/** Sends each key again with its body: it must be answered 201, replayed, with its reference. */
async function resendAll(base, entries) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: LOAD.clients });
  const failures = [];
  let same = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: LOAD.clients }, async () => {
      for (let e = entries[next++]; e; e = entries[next++]) {
        const answer = await post(base, e.key, e.body, agent);
        const got = answer.ok && answer.status === 201 ? reference(answer) : null;
        if (got === e.ref && answer.headers["idempotent-replayed"] === "true") same++;
        else failures.push({ key: e.key, expected: e.ref, status: answer.status ?? answer.error, got, replayed: answer.headers?.["idempotent-replayed"] ?? null });
      }
    }),
  );
  agent.destroy();
  return { checked: entries.length, same, failures };
}

/** What a load's answers say: each key's first reference, answers with another, keys unanswered. */
function tally(jobs) {
  const first = new Map(); // key -> { ref, body }
  let mismatched = 0;
  const unanswered = [];
  for (const job of [...jobs].sort((a, b) => (a.answeredAt ?? Infinity) - (b.answeredAt ?? Infinity))) {
    if (job.status !== 201 || !job.ref) {
      unanswered.push({ key: job.key, status: job.status, problem: job.problem });
      continue;
    }
    const seen = first.get(job.key);
    if (!seen) first.set(job.key, { key: job.key, body: job.body, ref: job.ref });
    else if (seen.ref !== job.ref) mismatched++;
  }
  const refs = new Set([...first.values()].map((e) => e.ref));
  return { first, mismatched, unanswered, distinctRefs: refs.size };
}

function storedFigures(db, first, resent) {
  const stored = count(db);
  const sql = storedReferences(db);
  const answeredRefs = [...first.values()].map((e) => e.ref);
  const sqlSet = sql.refs ? new Set(sql.refs) : null;
  const missingInTable = sqlSet ? answeredRefs.filter((r) => !sqlSet.has(r)).length : null;
  const lost = Math.max(resent.failures.length, missingInTable ?? 0, first.size - stored, 0);
  const duplicated = Math.max(stored - first.size, (sql.refs?.length ?? 0) - first.size, 0);
  return {
    stored_count: stored,
    lost,
    duplicated,
    stored_references: sql.refs
      ? { via: sql.via, rows: sql.refs.length, distinct: new Set(sql.refs).size, answered_but_missing: missingInTable }
      : { skipped: sql.skipped },
  };
}

async function loadScene() {
  const db = join(TMP, "load.sqlite");
  const receiver = await startReceiver(db);
  const target = { base: receiver.base, epoch: 1 };
  const jobs = plan("load");
  const answerTimes = new Map();
  const stats = await runJobs(jobs, target, {
    onAnswer: (job) => !job.resend && answerTimes.set(job.key, job.answeredAt),
  });
  const t = tally(jobs);
  const resends = jobs.filter((j) => j.resend);
  const concurrent = resends.filter((j) => !(answerTimes.get(j.key) <= j.sentAt)).length;
  const resendsSame = resends.filter((j) => j.status === 201 && j.ref === t.first.get(j.key)?.ref).length;
  const resent = await resendAll(receiver.base, [...t.first.values()]);
  await stopReceiver(receiver);
  const stored = storedFigures(db, t.first, resent);
  const ms = jobs.filter((j) => j.status === 201).map((j) => j.ms);
  return {
    clients: LOAD.clients,
    requests: jobs.length,
    distinct_keys: t.first.size,
    resends: resends.length,
    resends_sent_while_first_under_way: concurrent,
    answered_201: jobs.filter((j) => j.status === 201).length,
    not_answered_201: t.unanswered.length,
    not_answered_examples: t.unanswered.slice(0, 3),
    replayed_answers: jobs.filter((j) => j.replayed).length,
    resends_same_reference: resendsSame,
    answers_with_another_reference: t.mismatched,
    distinct_references: t.distinctRefs,
    busy_503: stats.busy503,
    connection_errors: stats.connectionErrors,
    seconds: round(stats.seconds, 2),
    requests_per_second: round(jobs.length / stats.seconds, 0),
    latency: latency(ms),
    after_load_resend: { checked: resent.checked, same_reference: resent.same, failures: resent.failures.slice(0, 5) },
    ...stored,
    receiver_stderr_lines: receiver.stderr.length,
  };
}

// ---------------------------------------------------------------------------------------------
// kill -9 in the middle of the same load, and a restart on the same database.

async function killScene() {
  const db = join(TMP, "kill.sqlite");
  const first = await startReceiver(db);
  const target = { base: first.base, epoch: 1 };
  const gate = {};
  let openGate;
  let answered = 0;
  let killedAt = null;
  let underWayAtKill = 0;
  let killed;
  const killedSignal = new Promise((r) => (killed = r));
  const jobs = plan("kill");
  const running = runJobs(jobs, target, {
    gate,
    onAnswer: (job) => {
      if (job.status === 201) answered++;
      if (killedAt === null && answered >= KILL_AFTER) {
        gate.wait = new Promise((r) => (openGate = r));
        killedAt = now();
        underWayAtKill = jobs.filter((j) => j.sentAt !== undefined && j.status === undefined && j !== job).length;
        first.proc.kill("SIGKILL");
        killed();
      }
    },
  });
  await killedSignal;
  const exit = await first.proc.exited;
  await sleep(300); // answers the kernel had already delivered are read
  const storedAtKill = count(db);
  const atKill = storedReferences(db); // which references the killed receiver had stored
  const preKill = tally(jobs.filter((j) => j.epoch === 1)).first;

  // Restart on the same database, on the same port when it is free again.
  let second;
  const restarting = now();
  try {
    second = await startReceiver(db, { listen: first.address });
  } catch {
    second = await startReceiver(db);
  }
  const restartedAt = now();
  target.base = second.base;
  target.epoch = 2;
  // Every request answered 201 before the kill, sent again with its key and body.
  const preKillCheck = await resendAll(second.base, [...preKill.values()]);
  gate.wait = null;
  openGate();
  const stats = await running;
  const t = tally(jobs);
  // Keys whose request failed with the kill, retried with the same key: either the killed
  // receiver had stored it (its answer lost; the retry is replayed) or the retry stored it.
  const cutOff = new Map(jobs.filter((j) => j.interrupted && j.status === 201 && !preKill.has(j.key)).map((j) => [j.key, t.first.get(j.key)?.ref]));
  const storedAtKillSet = atKill.refs ? new Set(atKill.refs) : null;
  const cutOffStored = storedAtKillSet ? [...cutOff.values()].filter((r) => storedAtKillSet.has(r)).length : null;
  // Sent again after all that: every key, with the reference it was first answered.
  const resent = await resendAll(second.base, [...t.first.values()]);
  await stopReceiver(second);
  const stored = storedFigures(db, t.first, resent);
  const lateEpoch1 = jobs.filter((j) => j.epoch === 1 && j.status === 201 && !preKill.has(j.key)).length;
  return {
    clients: LOAD.clients,
    requests: jobs.length,
    killed_after_201_answers: KILL_AFTER,
    kill_signal: exit.signal,
    answered_201_before_kill_distinct_keys: preKill.size,
    late_answers_from_killed_receiver: lateEpoch1,
    requests_under_way_at_kill: underWayAtKill,
    stored_at_kill: storedAtKill,
    restart_ms: round(restartedAt - restarting, 0),
    down_ms: round(restartedAt - killedAt, 0),
    restarted_on_same_port: second.port === first.port,
    pre_kill_201_resent: preKillCheck.checked,
    pre_kill_201_same_reference: preKillCheck.same,
    pre_kill_201_missing: preKillCheck.failures.length,
    pre_kill_failures: preKillCheck.failures.slice(0, 5),
    cut_off_keys: cutOff.size,
    cut_off_stored_before_kill: cutOffStored,
    cut_off_stored_on_retry: cutOffStored === null ? null : cutOff.size - cutOffStored,
    pre_kill_201_in_table_at_kill: storedAtKillSet ? [...preKill.values()].filter((e) => storedAtKillSet.has(e.ref)).length : null,
    distinct_keys: t.first.size,
    answered_201: jobs.filter((j) => j.status === 201).length,
    not_answered_201: t.unanswered.length,
    not_answered_examples: t.unanswered.slice(0, 3),
    answers_with_another_reference: t.mismatched,
    distinct_references: t.distinctRefs,
    connection_errors: stats.connectionErrors,
    busy_503: stats.busy503,
    client_wait_max_ms: round(Math.max(...jobs.map((j) => j.total_ms ?? 0)), 0),
    after_load_resend: { checked: resent.checked, same_reference: resent.same, failures: resent.failures.slice(0, 5) },
    ...stored,
  };
}

// ---------------------------------------------------------------------------------------------
// Slow clients: `count` connections, each sending `first` once connected and then what `next`
// gives every `everyMs()` milliseconds, each reopened when the receiver closes it, until
// `stop()`. What the receiver did to each closed one is kept in `closed`.

function slowConnections(port, count, { first = "", next, everyMs }) {
  const closed = [];
  const live = new Set();
  let opened = 0;
  let running = true;
  const open = () => {
    const rec = { sent: 0, received: [], how: null };
    const socket = net.connect(port, "127.0.0.1");
    opened++;
    live.add(socket);
    let timer;
    const drip = () => {
      if (socket.destroyed || !socket.writable) return;
      socket.write(next(rec.sent));
      rec.sent++;
      timer = setTimeout(drip, everyMs());
    };
    socket.setNoDelay(true);
    socket.on("connect", () => {
      rec.connectedAt = now();
      if (first) socket.write(first);
      drip();
    });
    socket.on("data", (d) => rec.received.push(d));
    socket.on("end", () => (rec.how ??= "closed (FIN)"));
    socket.on("error", (e) => (rec.how ??= e.code === "ECONNRESET" ? "reset (RST)" : e.code ?? e.message));
    socket.on("close", () => {
      clearTimeout(timer);
      live.delete(socket);
      rec.closedAt = now();
      if (rec.byUs) return;
      closed.push(rec);
      if (running) open();
    });
    socket.rec = rec;
  };
  return {
    closed,
    live,
    opened: () => opened,
    /** Opens them, a few at a time. */
    async start() {
      for (let i = 0; i < count; i++) {
        open();
        if (i % 25 === 24) await sleep(10);
      }
    },
    /** Closes the ones still open; returns how long each had been. */
    stop() {
      running = false;
      return [...live].map((socket) => {
        socket.rec.byUs = true;
        const age = now() - (socket.rec.connectedAt ?? now());
        socket.destroy();
        return age;
      });
    },
  };
}

/** The status each closed connection was answered with (or none), and how it ended. */
const statusOf = (rec) => /^HTTP\/1\.[01] (\d{3})/.exec(Buffer.concat(rec.received).toString("latin1"))?.[1];

// ---------------------------------------------------------------------------------------------
// Slow-loris: connections that send a request head a byte at a time and never finish it.

const SLOW_HEAD =
  "POST /api/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nIdempotency-Key: slow-loris\r\n" +
  "X-Padding: " + "a".repeat(4000);

async function normalClient(base, until, everyMs, prefix) {
  const health = [];
  const posts = [];
  const failures = [];
  for (let i = 0; now() < until; i++) {
    if (i % 2 === 0) {
      const a = await send(base, {});
      health.push(a.ms);
      if (!a.ok || a.status !== 200) failures.push({ what: "health", status: a.status ?? a.error, ms: round(a.ms) });
    } else {
      const key = `${prefix}-${i}`;
      const a = await post(base, key, bodyFor(key));
      posts.push(a.ms);
      if (!a.ok || a.status !== 201) failures.push({ what: "post", status: a.status ?? a.error, ms: round(a.ms) });
    }
    await sleep(everyMs);
  }
  const all = [...health, ...posts];
  return { requests: all.length, health: latency(health), post: latency(posts), all: latency(all), failures };
}

async function slowLorisScene() {
  const db = join(TMP, "slow.sqlite");
  const receiver = await startReceiver(db);
  const headerTimeoutMs = 1000 * Number(FLAGS["--header-timeout"]);
  // The normal client on a quiet receiver first, for comparison.
  const baseline = await normalClient(receiver.base, now() + 2000, SLOW.normalEveryMs, "quiet");

  const slow = slowConnections(receiver.port, SLOW.connections, {
    next: (sent) => SLOW_HEAD[sent % SLOW_HEAD.length],
    everyMs: () => SLOW.byteEveryMs * (0.5 + random()),
  });
  const started = now();
  await slow.start();
  await sleep(300); // all connected and dripping
  const connectedOk = [...slow.live].filter((s) => s.rec.connectedAt !== undefined).length;
  const during = await normalClient(receiver.base, started + SLOW.seconds * 1000, SLOW.normalEveryMs, "busy");
  const stillOpen = slow.stop();
  const closed = slow.closed;
  const opened = slow.opened();
  await sleep(100);
  await stopReceiver(receiver);

  const got = {};
  for (const rec of closed) {
    const status = statusOf(rec);
    const what = status ? `answered ${status}, ${rec.how ?? "closed"}` : `no answer, ${rec.how ?? "closed"}`;
    got[what] = (got[what] ?? 0) + 1;
  }
  const lifetimes = closed.filter((r) => r.connectedAt !== undefined).map((r) => r.closedAt - r.connectedAt);
  const bytes = closed.map((r) => r.sent);
  return {
    slow_connections_at_once: SLOW.connections,
    connected_at_start: connectedOk,
    seconds: SLOW.seconds,
    byte_every_ms: `${SLOW.byteEveryMs * 0.5}-${SLOW.byteEveryMs * 1.5}`,
    slow_connections_opened: opened,
    closed_by_receiver: closed.length,
    what_they_got: got,
    closed_after_ms: { min: round(Math.min(...lifetimes), 0), p50: round(percentile(lifetimes, 50), 0), max: round(Math.max(...lifetimes), 0) },
    bytes_sent_before_close: { min: Math.min(...bytes), max: Math.max(...bytes) },
    still_open_at_end: stillOpen.length,
    still_open_oldest_ms: round(stillOpen.length ? Math.max(...stillOpen) : 0, 0),
    header_timeout_ms: headerTimeoutMs,
    normal_client_quiet: baseline,
    normal_client_under_slow_loris: during,
    stored_count: count(db),
  };
}

// ---------------------------------------------------------------------------------------------
// Slow bodies: connections that send a whole request head, then its body a byte every few
// seconds (never a pause as long as --body-timeout), until the request deadline ends them.

async function slowBodyScene() {
  const db = join(TMP, "slow-body.sqlite");
  const receiver = await startReceiver(db);
  const head =
    "POST /api/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
    "Idempotency-Key: slow-body\r\nContent-Length: 2000\r\n\r\n";
  const slow = slowConnections(receiver.port, SLOW_BODY.connections, {
    first: head,
    next: () => " ",
    everyMs: () => SLOW_BODY.byteEveryMs,
  });
  const started = now();
  await slow.start();
  await sleep(500); // every head sent, every body under way
  const during = await normalClient(receiver.base, started + SLOW_BODY.seconds * 1000, SLOW.normalEveryMs, "slow-body");
  slow.stop();
  const ended = slow.closed;
  const opened = slow.opened();
  await sleep(100);
  await stopReceiver(receiver);
  const got = {};
  for (const rec of ended) {
    const status = statusOf(rec) ?? "no answer";
    got[status] = (got[status] ?? 0) + 1;
  }
  const lifetimes = ended.filter((r) => r.connectedAt !== undefined).map((r) => r.closedAt - r.connectedAt);
  return {
    slow_connections_at_once: SLOW_BODY.connections,
    byte_every_ms: SLOW_BODY.byteEveryMs,
    seconds: SLOW_BODY.seconds,
    slow_connections_opened: opened,
    ended_by_receiver: ended.length,
    what_they_got: got,
    ended_after_ms: lifetimes.length ? { min: round(Math.min(...lifetimes), 0), max: round(Math.max(...lifetimes), 0) } : null,
    normal_client_under_slow_bodies: during,
    stored_count: count(db),
  };
}

// ---------------------------------------------------------------------------------------------
// A database locked by another process (python3's sqlite3, BEGIN EXCLUSIVE kept open).

const LOCKER = [
  "import sqlite3, sys",
  "c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)",
  "c.execute('BEGIN EXCLUSIVE')",
  "print('locked', flush=True)",
  "sys.stdin.readline()",
  "c.execute('COMMIT')",
  "print('released', flush=True)",
].join("\n");

async function lockDatabase(db) {
  const proc = track(spawn("python3", ["-u", "-c", LOCKER, db], { stdio: ["pipe", "pipe", "pipe"] }));
  let out = "";
  let err = "";
  proc.stdout.setEncoding("utf8");
  proc.stderr.setEncoding("utf8");
  proc.stderr.on("data", (d) => (err += d));
  const said = (word) =>
    new Promise((r, reject) => {
      const check = () => out.includes(word) && r();
      proc.stdout.on("data", (d) => {
        out += d;
        check();
      });
      check();
      proc.exited.then(() => (out.includes(word) ? r() : reject(new Error(`the lock holder stopped: ${err.trim()}`))));
    });
  await said("locked");
  return {
    pid: proc.pid,
    release: async () => {
      proc.stdin.end("\n");
      await said("released");
      await proc.exited;
    },
  };
}

async function lockScene() {
  const db = join(TMP, "lock.sqlite");
  const receiver = await startReceiver(db);
  const before = bodyFor("lock-before");
  const storedBefore = await post(receiver.base, "lock-before", before);

  const lock = await lockDatabase(db);
  const lockedAt = now();
  const keys = Array.from({ length: LOCK.concurrentPosts }, (_, i) => `lock-${i}`);
  const health = [];
  const healthStatus = {};
  let writing = true;
  const prober = (async () => {
    while (writing) {
      const a = await send(receiver.base, {});
      health.push(a.ms);
      const s = a.ok ? a.status : a.error;
      healthStatus[s] = (healthStatus[s] ?? 0) + 1;
      await sleep(LOCK.healthEveryMs);
    }
  })();
  const refused = await Promise.all(keys.map((key) => post(receiver.base, key, bodyFor(key))));
  writing = false;
  await prober;
  // A retry of a request stored before the lock: read, not written.
  const replayUnderLock = await post(receiver.base, "lock-before", before);
  // The operator's --count while the lock is held.
  const c0 = now();
  let countUnderLock;
  try {
    countUnderLock = { answer: String(count(db)), ms: round(now() - c0, 0) };
  } catch (e) {
    const reason = String(e.stderr).split("\n")[0].split(": ").pop();
    countUnderLock = { answer: `exit ${e.status} (${reason})`, ms: round(now() - c0, 0), failed: true };
  }
  const heldMs = now() - lockedAt;
  await lock.release();

  const after = await Promise.all(keys.map((key) => post(receiver.base, key, bodyFor(key))));
  const replayAfter = await post(receiver.base, "lock-before", before);
  await stopReceiver(receiver);
  const busyLines = receiver.stderr.filter((l) => l.includes("storage failure")).length;
  return {
    busy_timeout_ms: Number(FLAGS["--busy-timeout-ms"]),
    lock_held_ms: round(heldMs, 0),
    stored_before_lock: storedBefore.status,
    posts_under_lock: refused.map((a) => ({
      status: a.status ?? a.error,
      retry_after: a.headers?.["retry-after"] ?? null,
      problem: problemType(a),
      ms: round(a.ms, 0),
    })),
    count_under_lock: countUnderLock,
    replay_under_lock: { status: replayUnderLock.status, replayed: replayUnderLock.headers?.["idempotent-replayed"] === "true", ms: round(replayUnderLock.ms) },
    health_under_lock: { ...latency(health), statuses: healthStatus },
    posts_after_release: after.map((a) => ({ status: a.status ?? a.error, replayed: a.headers?.["idempotent-replayed"] === "true", ms: round(a.ms) })),
    replay_after_release: { status: replayAfter.status, same_reference: reference(replayAfter) === reference(storedBefore) },
    stored_count: count(db),
    receiver_storage_failure_lines: busyLines,
  };
}

/**
 * A request cut off by --request-timeout while its write waits for the lock: answered 408
 * "nothing was stored", yet its write goes on after the answer (spawn_blocking is not
 * cancelled) and stores it once the lock is released.
 */
async function timeoutWhileLockedScene() {
  const db = join(TMP, "timeout-locked.sqlite");
  const flags = { "--request-timeout": "1", "--busy-timeout-ms": "3000" };
  const receiver = await startReceiver(db, { flags });
  const lock = await lockDatabase(db);
  const body = bodyFor("cut-off");
  const cut = await post(receiver.base, "cut-off", body);
  await sleep(500);
  await lock.release(); // within the write's 3 s busy timeout
  await sleep(3000);
  const stored = count(db);
  const again = await post(receiver.base, "cut-off", body);
  await stopReceiver(receiver);
  return {
    flags: Object.entries(flags).flat().join(" "),
    first_answer: { status: cut.status ?? cut.error, problem: problemType(cut), ms: round(cut.ms, 0), says_nothing_stored: /nothing was stored/.test(cut.body ?? "") },
    stored_count_after_release: stored,
    resend: { status: again.status, replayed: again.headers?.["idempotent-replayed"] === "true" },
    stored_despite_408: cut.status === 408 && stored > 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Run, check, print, write.

const started = new Date();
let failed = false;
const results = {
  date: started.toISOString(),
  machine: { cpus: cpus().length, node: process.version, platform: `${process.platform} ${process.arch}` },
  receiver: relative(ROOT, RECEIVER) || RECEIVER,
  flags: Object.entries(FLAGS).flat().join(" "),
};
try {
  process.stdout.write("receiver-figures: load… ");
  results.load = await loadScene();
  process.stdout.write("kill -9… ");
  results.kill = await killScene();
  process.stdout.write("slow-loris… ");
  results.slow_loris = await slowLorisScene();
  process.stdout.write("slow bodies… ");
  results.slow_bodies = await slowBodyScene();
  process.stdout.write("lock… ");
  results.lock = await lockScene();
  results.timeout_while_locked = await timeoutWhileLockedScene();
  process.stdout.write("done\n\n");
} catch (e) {
  console.error(`\nreceiver-figures: ${e.stack ?? e}`);
  console.error(`temporary files kept in ${relative(ROOT, TMP)}`);
  process.exit(1);
}

const { load: L, kill: K, slow_loris: S, slow_bodies: B, lock: D, timeout_while_locked: T } = results;
const checks = [];
/** A correctness check: its verdict goes in the table, a failure in the exit code. */
const check = (name, ok, value) => {
  checks.push({ name, ok, value });
  if (!ok) failed = true;
  return ok ? "ok" : "FAIL";
};
const scenes = [];
const scene = (title) => scenes.push({ title, rows: [] });
const row = (figure, value, verdict = "") => scenes.at(-1).rows.push([figure, String(value), verdict]);
const ms = (x) => (x === null ? "-" : `${x} ms`);
const same = (list) => list.every((x) => x === list[0]);

scene(`Load: ${L.clients} clients, ${L.requests} POSTs, ${Math.round(LOAD.resendShare * 100)} % re-sent with the same key and body`);
row("keys / re-sends", `${L.distinct_keys} / ${L.resends} (${L.resends_sent_while_first_under_way} sent while the first was under way)`);
row("answered 201", `${L.answered_201} of ${L.requests}`, check("load: every request answered 201", L.not_answered_201 === 0, L.not_answered_201));
row("lost (answered 201, not stored)", L.lost, check("load: lost = 0 (and one reference per key)", L.lost === 0 && L.distinct_references === L.distinct_keys, L.lost));
row("duplicated (stored beyond distinct keys)", L.duplicated, check("load: duplicated = 0", L.duplicated === 0, L.duplicated));
row("receiver --count / distinct keys", `${L.stored_count} / ${L.distinct_keys}`, check("load: --count = distinct keys", L.stored_count === L.distinct_keys, L.stored_count));
row("re-sends answered with the first reference", `${L.resends_same_reference} of ${L.resends}`, check("load: re-sends get the first reference", L.resends_same_reference === L.resends && L.answers_with_another_reference === 0, L.resends_same_reference));
row("every key sent again after the load", `${L.after_load_resend.same_reference} of ${L.after_load_resend.checked} replayed, same reference`, check("load: every key replayed with its reference", L.after_load_resend.same_reference === L.after_load_resend.checked, L.after_load_resend.failures.length));
row("latency p50 / p99 / max", `${ms(L.latency.p50_ms)} / ${ms(L.latency.p99_ms)} / ${ms(L.latency.max_ms)}`);
row("throughput", `${L.requests_per_second} requests/s (${L.seconds} s)`);
row("503 busy / connection errors", `${L.busy_503} / ${L.connection_errors}`);

scene(`kill -9 after ${K.killed_after_201_answers} answers of the same load, restart on the same database`);
row("answered 201 by the killed receiver", `${K.answered_201_before_kill_distinct_keys} keys (${K.requests_under_way_at_kill} requests under way at the kill; ${K.stored_at_kill} stored)`);
row("those sent again after the restart", `${K.pre_kill_201_same_reference} of ${K.pre_kill_201_resent} replayed, same reference`, check("kill: every 201 before the kill is stored", K.pre_kill_201_missing === 0 && K.pre_kill_201_resent > 0 && [null, K.pre_kill_201_resent].includes(K.pre_kill_201_in_table_at_kill), K.pre_kill_201_missing));
row("keys cut off by the kill, retried", K.cut_off_stored_before_kill === null ? `${K.cut_off_keys}` : `${K.cut_off_keys}: ${K.cut_off_stored_before_kill} had been stored before the kill (answer lost; replayed), ${K.cut_off_stored_on_retry} stored on the retry`);
row("restart to listening", `${ms(K.restart_ms)}${K.restarted_on_same_port ? " on the same port" : " on another port"} (down ${ms(K.down_ms)} with the checks at the kill); longest client wait ${ms(K.client_wait_max_ms)}`);
row("answered 201 in the end", `${K.answered_201} of ${K.requests}`, check("kill: every request answered 201 in the end", K.not_answered_201 === 0, K.not_answered_201));
row("lost / duplicated", `${K.lost} / ${K.duplicated}`, check("kill: lost = 0 and duplicated = 0 (and one reference per key)", K.lost === 0 && K.duplicated === 0 && K.distinct_references === K.distinct_keys, `${K.lost}/${K.duplicated}`));
row("receiver --count / distinct keys", `${K.stored_count} / ${K.distinct_keys}`, check("kill: --count = distinct keys", K.stored_count === K.distinct_keys, K.stored_count));
const retriesSame = K.answers_with_another_reference === 0 && K.after_load_resend.same_reference === K.after_load_resend.checked;
row("retries and re-sends with the first reference", retriesSame ? `all (${K.after_load_resend.checked} keys sent again at the end)` : `${K.answers_with_another_reference} differ`, check("kill: retries get the first reference", retriesSame, K.answers_with_another_reference));

const N = S.normal_client_under_slow_loris;
const Q = S.normal_client_quiet;
scene(`Slow-loris: ${S.slow_connections_at_once} connections sending a request head a byte every ${S.byte_every_ms} ms, for ${S.seconds} s`);
row("normal client p50 / max (health + POST)", `${ms(N.all.p50_ms)} / ${ms(N.all.max_ms)} over ${N.requests} requests (quiet receiver: ${ms(Q.all.p50_ms)} / ${ms(Q.all.max_ms)})`, check("slow-loris: normal client answered within 1 s", N.failures.length === 0 && N.requests > 0 && N.all.max_ms < LIMITS.normalClientMs, N.all.max_ms));
row("  GET /api/health p50 / max", `${ms(N.health.p50_ms)} / ${ms(N.health.max_ms)}`);
row("  POST /api/requests p50 / max", `${ms(N.post.p50_ms)} / ${ms(N.post.max_ms)}`);
const slowClosed = S.closed_by_receiver > 0 && S.still_open_oldest_ms < S.header_timeout_ms + 2000 && S.closed_after_ms.max < S.header_timeout_ms + 2000;
row("slow connections closed by the receiver", `${S.closed_by_receiver} of ${S.slow_connections_opened} opened (the rest open < ${S.header_timeout_ms / 1000} s at the end)`, check("slow-loris: every slow connection closed at the header timeout", slowClosed, S.closed_after_ms.max));
row("  what they got", Object.entries(S.what_they_got).map(([k, v]) => `${v}: ${k}`).join("; "));
row("  closed after min / p50 / max", `${ms(S.closed_after_ms.min)} / ${ms(S.closed_after_ms.p50)} / ${ms(S.closed_after_ms.max)} (--header-timeout ${S.header_timeout_ms / 1000}; ${S.bytes_sent_before_close.min}-${S.bytes_sent_before_close.max} bytes sent)`);

const NB = B.normal_client_under_slow_bodies;
scene(`Slow bodies: ${B.slow_connections_at_once} connections sending a whole POST head, then a body byte every ${B.byte_every_ms / 1000} s, for ${B.seconds} s`);
row("normal client p50 / max (health + POST)", `${ms(NB.all.p50_ms)} / ${ms(NB.all.max_ms)} over ${NB.requests} requests, ${NB.failures.length} failed`, check("slow bodies: normal client answered within 1 s, none refused", NB.failures.length === 0 && NB.requests > 0 && NB.all.max_ms < LIMITS.normalClientMs, NB.failures.length ? JSON.stringify(NB.failures[0]) : NB.all.max_ms));
row("  GET /api/health p50 / max", `${ms(NB.health.p50_ms)} / ${ms(NB.health.max_ms)}`);
row("  POST /api/requests p50 / max", `${ms(NB.post.p50_ms)} / ${ms(NB.post.max_ms)}`);
row("slow requests ended by the receiver", `${B.ended_by_receiver} of ${B.slow_connections_opened} opened: ${Object.entries(B.what_they_got).map(([k, v]) => `${v} × ${k}`).join(", ")}${B.ended_after_ms ? `, after ${ms(B.ended_after_ms.min)} to ${ms(B.ended_after_ms.max)} (--request-timeout ${FLAGS["--request-timeout"]})` : ""}`);

const P = D.posts_under_lock;
scene(`Locked database: another process holds BEGIN EXCLUSIVE for ${(D.lock_held_ms / 1000).toFixed(1)} s`);
const refusedOk = P.every((p) => p.status === 503 && p.retry_after !== null);
const refusedText = same(P.map((p) => `${p.status} ${p.problem} ${p.retry_after}`))
  ? `${P[0].status} ${P[0].problem}, Retry-After: ${P[0].retry_after}, after ${P.map((p) => p.ms).sort((a, b) => a - b).join(" / ")} ms`
  : P.map((p) => `${p.status} ${p.problem} Retry-After: ${p.retry_after} after ${p.ms} ms`).join("; ");
row(`${P.length} POSTs at once under the lock`, refusedText, check("lock: POSTs are 503 with Retry-After", refusedOk, P.map((p) => p.status).join(",")));
const H = D.health_under_lock;
const healthOk = H.n > 0 && H.max_ms < LIMITS.healthUnderLockMs && Object.keys(H.statuses).every((k) => k === "200");
row("GET /api/health meanwhile p50 / max", `${ms(H.p50_ms)} / ${ms(H.max_ms)} (${Object.entries(H.statuses).map(([k, v]) => `${v} × ${k}`).join(", ")})`, check("lock: health answers 200 within 200 ms", healthOk, H.max_ms));
row("a stored request's retry under the lock", `${D.replay_under_lock.status}${D.replay_under_lock.replayed ? " replayed" : ""} in ${ms(D.replay_under_lock.ms)}`);
const releasedOk = D.posts_after_release.every((p) => p.status === 201 && !p.replayed) && D.replay_after_release.same_reference && D.stored_count === 1 + D.posts_after_release.length;
row("receiver --count under the lock", `${D.count_under_lock.answer} after ${ms(D.count_under_lock.ms)}`, check("lock: receiver --count answers while another process holds the lock", !D.count_under_lock.failed, D.count_under_lock.answer));
row("lock released: the same POSTs again", `${D.posts_after_release.map((p) => p.status).join(", ")}; receiver --count ${D.stored_count}`, check("lock: POSTs stored after the release", releasedOk, D.stored_count));

scene(`Request deadline while a write waits for the lock (${T.flags})`);
row("first answer", `${T.first_answer.status} ${T.first_answer.problem} after ${ms(T.first_answer.ms)}${T.first_answer.says_nothing_stored ? ', "nothing was stored"' : ""}`);
row("receiver --count once the lock is released", `${T.stored_count_after_release}; the same POST again: ${T.resend.status}${T.resend.replayed ? " replayed" : ""}`, check("deadline: a request refused under the lock is not stored", !T.stored_despite_408, T.stored_count_after_release));

results.checks = checks;
// The table: plain text, or Markdown with --markdown (as in docs/performance.md).
if (args.includes("--markdown")) {
  console.log(`Receiver figures, ${results.date.slice(0, 10)}, ${results.machine.cpus} CPUs, Node ${results.machine.node}; flags: \`${results.flags}\`\n`);
  console.log("| scene | figure | value | check |\n| --- | --- | --- | --- |");
  for (const { title, rows } of scenes)
    rows.forEach(([figure, value, verdict], i) => console.log(`| ${i ? "" : title} | ${figure.trim()} | ${value} | ${verdict} |`));
} else {
  const fw = Math.max(...scenes.flatMap((x) => x.rows.map((r) => r[0].length)));
  const vw = Math.min(70, Math.max(...scenes.flatMap((x) => x.rows.map((r) => r[1].length))));
  console.log(`Receiver figures, ${results.date.slice(0, 10)}: ${results.machine.cpus} CPUs, Node ${results.machine.node}, ${results.receiver}`);
  console.log(`receiver flags: ${results.flags}`);
  for (const { title, rows } of scenes) {
    console.log(`\n${title}`);
    for (const [figure, value, verdict] of rows) console.log(`  ${figure.padEnd(fw)}  ${value.padEnd(vw)}  ${verdict}`.trimEnd());
  }
}
console.log();
const failures = checks.filter((c) => !c.ok);
console.log(failures.length ? `FAILED: ${failures.map((c) => c.name).join("; ")}` : `all ${checks.length} correctness checks passed`);

writeFileSync(OUT, JSON.stringify(results, null, 2) + "\n");
console.log(`written to ${relative(ROOT, OUT)}`);
if (!KEEP && !failed) rmSync(TMP, { recursive: true, force: true });
else console.log(`temporary databases kept in ${relative(ROOT, TMP)}`);
process.exit(failed ? 1 : 0);
