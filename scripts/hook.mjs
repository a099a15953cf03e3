// Where Trunk's hooks start (Trunk.toml): `node scripts/hook.mjs STEP` checks that what STEP
// needs is installed, then runs scripts/STEP.mjs. A machine without `make setup` is told what
// is missing and how to get it, instead of Node's ERR_MODULE_NOT_FOUND or a spawn's ENOENT.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** What each step needs: Node packages (node_modules) and commands on the PATH. */
const NEEDS = {
  "prepare-css": { packages: ["lightningcss"], commands: [] },
  "finish-dist": {
    packages: ["terser", "binaryen"],
    commands: ["cargo", "wasm-split-cli", "wasm-bindgen"],
  },
};

const step = process.argv[2];
const needs = NEEDS[step];
if (!needs) {
  console.error(`hook: no step named "${step}" (one of ${Object.keys(NEEDS).join(", ")})`);
  process.exit(2);
}
const missing = [
  ...needs.packages
    .filter((p) => !existsSync(join(root, "node_modules", p, "package.json")))
    .map((p) => `the Node package ${p}`),
  ...needs.commands
    .filter((c) => spawnSync(c, ["--version"], { stdio: "ignore" }).error?.code === "ENOENT")
    .map((c) => `the command ${c}`),
];
if (missing.length) {
  console.error(
    `${step}: ${missing.join(", ")} cannot be found. Run \`make setup\` (it installs what the build needs), ` +
      "then build with the PATH the README gives (node_modules/.bin and ~/.cargo/bin on it).",
  );
  process.exit(1);
}
await import(`./${step}.mjs`);
