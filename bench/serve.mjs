// One static server per build, all alike: tests/e2e/static-server.mjs with --compress (brotli
// -q 11, as a production host would) and its single-page-app fallback (index.html for any
// address that is not a file), each on a free port the system picks unless given one.
import { spawn } from "node:child_process";

/** Serves `dir` (on `port`, or any free one); resolves to { origin, stop } once it listens. */
export function serve(dir, port = 0) {
  const child = spawn("node", ["tests/e2e/static-server.mjs", "--dir", dir, "--port", String(port), "--compress"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const origin = out.match(/on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      if (origin) resolve({ origin, dir, stop: () => child.kill() });
    });
    child.on("exit", (code) => reject(new Error(`the static server for ${dir} stopped (${code})`)));
  });
}
