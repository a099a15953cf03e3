// The build's hooks on a machine without the tools: Trunk runs `node scripts/hook.mjs STEP`
// (Trunk.toml), which names what is missing and says to run `make setup`, instead of Node's
// ERR_MODULE_NOT_FOUND or a spawn's ENOENT.
import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const hook = (step: string, options: { cwd?: string; path?: string } = {}) =>
  spawnSync(process.execPath, [join(options.cwd ?? ".", "scripts/hook.mjs"), step], {
    cwd: options.cwd,
    env: { ...process.env, PATH: options.path ?? process.env.PATH },
    encoding: "utf8",
  });

test("a hook whose commands are not on the PATH says to run make setup, and runs nothing", () => {
  // The system's own folders only: no ~/.cargo/bin, no node_modules/.bin.
  const run = hook("finish-dist", { path: "/usr/bin:/bin" });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("the command wasm-split-cli");
  expect(run.stderr).toContain("the command wasm-bindgen");
  expect(run.stderr).toContain("Run `make setup`");
  expect(run.stderr).not.toContain("ERR_MODULE_NOT_FOUND");
});

test("a hook in a checkout without node_modules names the missing package", () => {
  // A copy of the scripts alone, as in a clone before `make setup`.
  const checkout = mkdtempSync(join(tmpdir(), "hook-"));
  try {
    cpSync(resolve("scripts"), join(checkout, "scripts"), { recursive: true });
    const run = hook("prepare-css", { cwd: checkout });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("the Node package lightningcss cannot be found. Run `make setup`");
  } finally {
    rmSync(checkout, { recursive: true, force: true });
  }
});

test("with everything installed, the hook runs its step", () => {
  // prepare-css writes target/style/app.css from style/; it is what every build runs first.
  const checkout = mkdtempSync(join(tmpdir(), "hook-"));
  try {
    for (const dir of ["scripts", "style"]) cpSync(resolve(dir), join(checkout, dir), { recursive: true });
    symlinkSync(resolve("node_modules"), join(checkout, "node_modules"));
    const run = hook("prepare-css", { cwd: checkout });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  } finally {
    rmSync(checkout, { recursive: true, force: true });
  }
});
