// The app's later pages as pieces of their own (feature `split`, Cargo.toml): called by
// finish-dist.mjs. Trunk 0.21 cannot split a build (trunk-rs/trunk#1022): it runs wasm-bindgen
// and wasm-opt on the whole module, and the split must come before both, on the linker's
// output with its relocations (build.rs asks for them). So this takes cargo's wasm again and
// does what follows the build itself:
//   1. wasm-split-cli (crate wasm_split_cli_support, installed by scripts/setup.sh) cuts it
//      into the first piece, one piece per split point name (`piece!`, src/piece.rs) and
//      chunks of code pieces share, and writes `__wasm_split.js`, which fetches a piece when
//      the app first needs it;
//   2. wasm-bindgen on the first piece (keeping the function table the pieces are called
//      through), as Trunk would have run it;
//   3. release builds: wasm-opt on every piece, as Trunk would have run it on the whole.
// The glue, the first piece, the pieces and the loader are returned for finish-dist.mjs to put
// in place of what Trunk staged, named by their content.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

/** The name wasm-split-cli gives the loader; the glue imports it by this name. */
export const LOADER = "__wasm_split.js";

const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ["ignore", "inherit", "inherit"] });

/**
 * Splits `bin`'s wasm in cargo's output. Returns the glue's text and the first piece's bytes,
 * the loader's text and the pieces, `{ file: bytes }` under the names the loader asks for.
 */
export function splitBuild({ root, bin, release }) {
  const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
  const profile = release ? "release" : "debug";
  const input = join(target, "wasm32-unknown-unknown", profile, `${bin}.wasm`);
  const work = join(target, "wasm-split", profile);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const split = join(work, "split");
  const bound = join(work, "bound");
  run("wasm-split-cli", [input, split, "--out-name", bin, "--target", "web"], root);
  run(
    "wasm-bindgen",
    ["--target", "web", "--keep-lld-exports", "--no-typescript", "--out-dir", bound, "--out-name", bin, join(split, `${bin}.wasm`)],
    root,
  );
  const pieces = readdirSync(split).filter((f) => f.endsWith(".wasm") && f !== `${bin}.wasm`);
  if (pieces.length === 0) throw new Error(`split-wasm: ${input} has no split points (is the "split" feature on?)`);
  const first = join(bound, `${bin}_bg.wasm`);
  if (release) {
    // Trunk's own wasm-opt (binaryen 132 from node_modules, Trunk.toml) with its options for
    // data-wasm-opt="z", after flattening and re-looping each function's control flow, and
    // until nothing more shrinks (--converge): 1.5 kB brotli less on the first load than -Oz
    // alone (bench/README.md). It leaves the pieces' names section alone, hence --strip-debug.
    const wasmOpt = join(root, "node_modules", ".bin", "wasm-opt");
    for (const file of [first, ...pieces.map((f) => join(split, f))]) {
      run(wasmOpt, ["--flatten", "--rereloop", "-Oz", "--converge", "--strip-debug", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--output", file, file], root);
    }
  }
  return {
    glue: readFileSync(join(bound, `${bin}.js`), "utf8"),
    wasm: readFileSync(first),
    loader: readFileSync(join(split, LOADER), "utf8"),
    pieces: Object.fromEntries(pieces.map((f) => [f, readFileSync(join(split, f))])),
  };
}
