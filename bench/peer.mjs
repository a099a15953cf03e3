// The React peer (../shared/peers/react-spa beside the repository, read-only), built in a copy
// under .tmp/peer-react-spa: `npm ci` (npm registry only) and `npm run build`. Two stamps keep a
// second run quick: the install is redone only when package.json or package-lock.json changed,
// the build only when any of the peer's files did.
//
// node bench/peer.mjs   builds it alone and prints the dist/ folder (or that it is absent)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Where the peer's sources are: $BENCH_PEER, else ../shared/peers/react-spa from the repository. */
export const PEER_SOURCE = resolve(process.env.BENCH_PEER ?? join(REPO, "..", "shared", "peers", "react-spa"));
const COPY = join(REPO, ".tmp", "peer-react-spa");
const SKIP = new Set(["node_modules", "dist"]);

/** The peer's files (relative paths, sorted), without node_modules/ and dist/. */
function files(dir, under = "") {
  return readdirSync(join(dir, under), { withFileTypes: true })
    .filter((e) => !SKIP.has(e.name))
    .flatMap((e) => (e.isDirectory() ? files(dir, join(under, e.name)) : [join(under, e.name)]))
    .sort();
}

function hash(dir, names) {
  const h = createHash("sha256");
  for (const name of names) h.update(`${name}\0`).update(readFileSync(join(dir, name))).update("\0");
  return h.digest("hex");
}

const stampOf = (file) => (existsSync(file) ? readFileSync(file, "utf8") : null);

/**
 * Builds the peer if needed; returns its dist/ folder, or null when the peer is absent.
 * `log` receives one line per step.
 */
export function buildPeer(log = console.log) {
  if (!existsSync(join(PEER_SOURCE, "package.json"))) return null;
  const names = files(PEER_SOURCE);
  const sources = hash(PEER_SOURCE, names);
  const lock = hash(PEER_SOURCE, ["package.json", "package-lock.json"]);
  const buildStamp = join(COPY, ".bench-build-stamp");
  const installStamp = join(COPY, "node_modules", ".bench-install-stamp");
  if (stampOf(buildStamp) === sources && existsSync(join(COPY, "dist", "index.html"))) {
    log(`peer: ${relative(REPO, COPY)}/dist is up to date with ${PEER_SOURCE}`);
    return join(COPY, "dist");
  }
  // A fresh copy of the sources (written anew, so the source's read-only modes do not follow),
  // keeping node_modules/ for the install check below.
  log(`peer: copying ${PEER_SOURCE} to ${relative(REPO, COPY)}`);
  mkdirSync(COPY, { recursive: true });
  for (const entry of readdirSync(COPY)) {
    if (entry !== "node_modules") rmSync(join(COPY, entry), { recursive: true, force: true });
  }
  for (const name of names) {
    mkdirSync(dirname(join(COPY, name)), { recursive: true });
    writeFileSync(join(COPY, name), readFileSync(join(PEER_SOURCE, name)));
  }
  const run = (...args) => execFileSync("npm", args, { cwd: COPY, stdio: ["ignore", "inherit", "inherit"] });
  if (stampOf(installStamp) !== lock) {
    log("peer: npm ci");
    run("ci", "--no-audit", "--no-fund", "--loglevel=error");
    writeFileSync(installStamp, lock);
  }
  log("peer: npm run build");
  run("run", "build", "--silent");
  writeFileSync(buildStamp, sources);
  return join(COPY, "dist");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = buildPeer();
  console.log(dist ?? `peer: ${PEER_SOURCE} is absent`);
}
