// What the wizard must say, per locale: read from the app's own UI strings and message
// functions (examples/ui_strings.rs), not copied. Numbers come marked `{n:2000}` and are
// written here with Intl, in the locale the app formats with, as the app does in the browser.
import { execFileSync } from "node:child_process";

type Strings = Record<string, string>;

function load(): Record<string, Strings> {
  const json = execFileSync("cargo", ["run", "-q", "--locked", "--example", "ui_strings"], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const raw = JSON.parse(json) as Record<string, Strings>;
  for (const strings of Object.values(raw)) {
    const numbers = new Intl.NumberFormat(strings.intl);
    for (const [key, text] of Object.entries(strings)) {
      strings[key] = text.replace(/\{n:(\d+)\}/g, (_, n) => numbers.format(Number(n)));
    }
  }
  return raw;
}

export const STRINGS = load() as Record<"en" | "pt-BR" | "fr-FR", Strings>;
