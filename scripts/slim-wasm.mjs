// Release builds: bytes of a build's wasm and glue that no browser needs (called by
// finish-dist.mjs).
//
// Import names. wasm-bindgen names each import after the JS it calls plus a 16-digit hash
// (`__wbg_appendChild_1a2b3c4d5e6f7a8b`), from a module named after the build
// (`./fasttrack-onboarding_bg.js`); both are written twice, in the wasm's import section and as
// keys of the glue's import object. The hashes do not compress: for the full build's 222
// imports they cost 5.1 kB of brotli, the module's name 1.8 kB more (bench/README.md). This
// renames both, in the two files alike, to `a`, `b`, ... `aa`, ... and module `m`; it changes
// nothing else in either file.
//
// The glue must name each import exactly once, as a key (`name:function` or `"name":`), and the
// module once: anything else (a wasm-bindgen that writes its glue another way) fails the build
// rather than ship a glue that no longer matches its wasm.
//
// Export names. The closures' entry points are exported as `wasm_bindgen__convert__closures_
// ____invoke__h` and a 16-digit hash: they get `h0`, `h1`, ... in the wasm and the glue alike
// (−250 B brotli in the full build, glue included). Other exports keep their names: the
// pieces' loader and the glue's callers use them.
//
// Toolchain sections. The custom sections `producers` and `target_features` say which compiler
// and features made the wasm: for tools, never read by a browser (289 B in the full build).

const MODULE = "m";
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The `index`th short name: a ... Z, aa, ba, ... (letters only: a valid unquoted key). */
export function shortName(index) {
  let name = LETTERS[index % LETTERS.length];
  for (let rest = Math.floor(index / LETTERS.length); rest > 0; rest = Math.floor(rest / LETTERS.length)) {
    name += LETTERS[rest % LETTERS.length];
  }
  return name;
}

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const utf8 = (text) => Buffer.from(text, "utf8");
const named = (text) => Buffer.concat([leb(utf8(text).length), utf8(text)]);

/** The import section (id 2) rewritten: imports from `module` get `rename(field)` and module
 * `MODULE`; every other byte of each entry (its kind and type) is kept. */
function renameImportSection(body, module, rename) {
  let [count, at] = readLeb(body, 0);
  const out = [leb(count)];
  const readName = () => {
    const [length, start] = readLeb(body, at);
    at = start + length;
    return body.subarray(start, at).toString("utf8");
  };
  for (; count > 0; count--) {
    const from = readName();
    const field = readName();
    const descStart = at;
    const kind = body[at++];
    if (kind === 0x00) [, at] = readLeb(body, at); // function: its type index
    else if (kind === 0x01) { at++; at = skipLimits(body, at); } // table: reftype, limits
    else if (kind === 0x02) at = skipLimits(body, at); // memory: limits
    else if (kind === 0x03) at += 2; // global: valtype, mutability
    else if (kind === 0x04) { at++; [, at] = readLeb(body, at); } // tag: attribute, type
    else throw new Error(`slim-wasm: import kind ${kind} is not known`);
    const desc = body.subarray(descStart, at);
    if (from === module) out.push(named(MODULE), named(rename(field)), desc);
    else out.push(named(from), named(field), desc);
  }
  if (at !== body.length) throw new Error("slim-wasm: the import section has bytes after its entries");
  return Buffer.concat(out);
}

function skipLimits(body, at) {
  const flags = body[at++];
  [, at] = readLeb(body, at);
  if (flags & 1) [, at] = readLeb(body, at);
  return at;
}

/** Each section of `wasm`: its id, its whole bytes, and its body. */
function* sections(wasm) {
  for (let at = 8; at < wasm.length; ) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    yield { id, whole: wasm.subarray(at, start + size), body: wasm.subarray(start, start + size) };
    at = start + size;
  }
}

const TOOLCHAIN_SECTIONS = new Set(["producers", "target_features"]);

/** `wasm` without its toolchain's custom sections. */
export function dropToolchainSections(wasm) {
  const kept = [...sections(wasm)].filter(({ id, body }) => {
    if (id !== 0) return true;
    const [length, start] = readLeb(body, 0);
    return !TOOLCHAIN_SECTIONS.has(body.subarray(start, start + length).toString("utf8"));
  });
  return Buffer.concat([wasm.subarray(0, 8), ...kept.map((s) => s.whole)]);
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces the one match of `pattern` in `text`, or fails naming `what`. */
function replaceOnce(text, pattern, replacement, what) {
  const found = text.match(new RegExp(pattern.source, "g"))?.length ?? 0;
  if (found !== 1) throw new Error(`slim-wasm: expected ${what} once in the glue, found it ${found} times`);
  return text.replace(pattern, replacement);
}

/**
 * `wasm` and its `glue` (wasm-bindgen's `web` target, minified or not) with short import names.
 * `module` is the name the wasm imports its glue by (`./{bin}_bg.js`). The renamed wasm is read
 * back by WebAssembly itself: it must import what it did, in the same order, by the new names.
 */
export function shortenImports(wasm, glue, module) {
  const before = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).filter((i) => i.module === module);
  if (before.length === 0) throw new Error(`slim-wasm: the wasm imports nothing from ${module}`);
  const names = new Map(before.map((i, index) => [i.name, shortName(index)]));
  if (names.size !== before.length) throw new Error(`slim-wasm: ${module} has an import name twice`);

  const parts = [wasm.subarray(0, 8)];
  for (const { id, whole, body } of sections(wasm)) {
    if (id === 2) {
      const renamedBody = renameImportSection(body, module, (field) => names.get(field));
      parts.push(Buffer.from([2]), leb(renamedBody.length), renamedBody);
    } else {
      parts.push(whole);
    }
  }
  const renamed = Buffer.concat(parts);

  let text = replaceOnce(glue, new RegExp(`(["'])${escape(module)}\\1:`), `${MODULE}:`, `the module ${module}`);
  for (const [name, short] of names) {
    // A key of the import object: `name:`, `"name":`, after `{`, `,` or white space.
    const key = new RegExp(`(?<=[{,\\s])(["']?)${escape(name)}\\1(?=\\s*:)`);
    text = replaceOnce(text, key, short, `the key ${name}`);
    if (new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`).test(text)) {
      throw new Error(`slim-wasm: the glue names ${name} other than as its key`);
    }
  }
  const after = WebAssembly.Module.imports(new WebAssembly.Module(renamed)).filter((i) => i.module === MODULE);
  if (after.length !== before.length || after.some((i, n) => i.name !== shortName(n) || i.kind !== before[n].kind)) {
    throw new Error("slim-wasm: the renamed wasm does not import what it did");
  }
  return { wasm: renamed, glue: text };
}

/** Export names that end in a rustc hash (`…__h0123456789abcdef`, maybe `_2`). */
const HASHED = /__h[0-9a-f]{16}(_\d+)?$/;

/** `wasm` and its `glue` with the exports whose names end in a hash renamed `h0`, `h1`, ...
 * everywhere the glue names them. */
export function shortenHashedExports(wasm, glue) {
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
  const names = new Map(exports.filter((e) => HASHED.test(e)).map((e, n) => [e, `h${n}`]));
  for (const short of names.values()) {
    if (exports.includes(short)) throw new Error(`slim-wasm: the wasm already exports ${short}`);
  }
  const parts = [wasm.subarray(0, 8)];
  for (const { id, whole, body } of sections(wasm)) {
    if (id !== 7) {
      parts.push(whole);
      continue;
    }
    let [count, at] = readLeb(body, 0);
    const out = [leb(count)];
    for (; count > 0; count--) {
      const [length, start] = readLeb(body, at);
      const name = body.subarray(start, start + length).toString("utf8");
      at = start + length;
      const descStart = at++; // kind
      [, at] = readLeb(body, at); // index
      out.push(named(names.get(name) ?? name), body.subarray(descStart, at));
    }
    const renamed = Buffer.concat(out);
    parts.push(Buffer.from([7]), leb(renamed.length), renamed);
  }
  let text = glue;
  for (const [name, short] of names) {
    text = text.replace(new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, "g"), short);
  }
  const renamed = Buffer.concat(parts);
  const after = WebAssembly.Module.exports(new WebAssembly.Module(renamed)).map((e) => e.name);
  if (after.join() !== exports.map((e) => names.get(e) ?? e).join()) {
    throw new Error("slim-wasm: the renamed wasm does not export what it did");
  }
  return { wasm: renamed, glue: text };
}
