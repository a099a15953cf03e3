// Weight of each crate in the app's wasm: the code bytes twiggy attributes to functions of that
// crate, in cargo's release output (before the split, wasm-bindgen and wasm-opt, which shrink
// every crate alike), plus the data segments. Called by measure.mjs; also runs alone after
// `trunk build --release`:  node bench/weights.mjs
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const BUILDS = { app: "fasttrack-onboarding" };
const TOP = 12;
// Cargo's output: $CARGO_TARGET_DIR when set (as Trunk honours it), else target/.
const TARGET = process.env.CARGO_TARGET_DIR ?? "target";

/** `tachys::view::..::h123` -> "tachys"; `<leptos_router::X as tachys::Render>::f` -> "leptos_router". */
export function crateOf(symbol) {
  let name = symbol.replace(/\[[0-9a-f]+\]/g, "");
  if (name.startsWith("data segment")) return "(data)";
  if (name.startsWith("import ")) return "(imports from JS)";
  if (!name.startsWith("<")) return name.includes("::") ? name.split("::")[0] : "(other)";
  // `<Type as Trait>::f`: the type's crate when it names one, else the trait's.
  const inner = name.slice(1).replace(/^(&mut |&|\*const |\*mut |\[)+/, "");
  const [type, trait] = inner.split(" as ");
  if (/^[a-z_][a-z0-9_]*::/.test(type)) return type.split("::")[0];
  if (trait && /^[a-z_][a-z0-9_]*::/.test(trait)) return trait.split("::")[0];
  const path = inner.match(/^([a-z_][a-z0-9_]*)::/);
  return path ? path[1] : "(other)";
}

/** Bytes per crate of one wasm file, largest first. */
export function weights(file) {
  const csv = execFileSync("twiggy", ["top", "-n", "1000000", "--format", "csv", file], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const totals = new Map();
  for (const line of csv.split("\n").slice(1)) {
    const match = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
    if (!match) continue;
    const symbol = match[1].replace(/^"|"$/g, "").replaceAll('""', '"');
    // What never reaches the browser is not weight: names, and wasm-bindgen's build-time
    // descriptions of the bindings (wasm-bindgen removes them).
    if (/^custom section|function names|__wbindgen_describe|^Σ|^\.\.\. and/.test(symbol)) continue;
    const crate = crateOf(symbol);
    totals.set(crate, (totals.get(crate) ?? 0) + Number(match[2]));
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

export function measureWeights(record) {
  const out = {};
  for (const [build, bin] of Object.entries(BUILDS)) {
    const list = weights(join(TARGET, "wasm32-unknown-unknown", "release", `${bin}.wasm`));
    out[build] = Object.fromEntries(list);
    for (const [crate, bytes] of list.slice(0, TOP)) record(`weight_${build}_${crate}`, bytes, "B");
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  measureWeights((name, value, unit) => console.log(`${name}: ${value} ${unit}`));
}
