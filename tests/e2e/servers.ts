// Extra static servers that a test file starts for itself (the shared ones are in
// playwright.config.ts): started from Node, stopped by their PID.
import { test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";

export async function startStaticServer(args: string[]): Promise<ChildProcess> {
  const child = spawn("node", ["tests/e2e/static-server.mjs", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`static server exited with ${code}`)));
  });
  return child;
}

export function stop(child: ChildProcess | undefined) {
  if (child?.pid) process.kill(child.pid);
}

/** Serves dist/ as it is built (no edit) under /docs/fasttrack/ on `port`, with a CSP without
 * 'wasm-unsafe-eval', for the tests of the describe block that calls it; returns its address. */
export function serveRefusingWasm(port: number): string {
  let server: ChildProcess | undefined;
  test.beforeAll(async () => {
    server = await startStaticServer([
      "--port", String(port), "--dir", "dist", "--base", "/docs/fasttrack/",
      "--header", "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'",
    ]);
  });
  test.afterAll(() => stop(server));
  return `http://127.0.0.1:${port}/docs/fasttrack/`;
}
