// Extra static servers that a test file starts for itself (the shared ones are in
// playwright.config.ts): started from Node, stopped by their PID.
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
