// Reads the content files directly, as an oracle independent of the app's own parser.
import type { Page } from "@playwright/test";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The locales every test runs in: the two sources and English. */
export const LOCALES = ["en", "pt-BR", "fr-FR"] as const;
export type Tag = (typeof LOCALES)[number];

/** Every locale the content files offer (a guide per locale), sorted by tag. */
export const ALL_LOCALES: string[] = readdirSync(join(__dirname, "../../content/locales"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => f.slice(0, -3))
  .sort();

/** The locales added after the first three: a lighter pass each (locales.spec.ts). */
export const NEW_LOCALES = ALL_LOCALES.filter((t) => !(LOCALES as readonly string[]).includes(t));

/** The one message each locale keeps in the app itself (`load_failed` in its strings file):
 * what is shown where text or code the page needs cannot be fetched. */
export function loadFailedText(tag: string): string {
  const toml = readFileSync(join(__dirname, "../../content/locales", `${tag}.toml`), "utf8");
  return JSON.parse(toml.match(/^load_failed = (".*")$/m)![1]);
}

export interface SourceFacts {
  title: string;
  roles: { name: string; responsibilities: string[] }[];
  diagramTitle: string;
}

const strip = (s: string) =>
  s
    .replace(/<!--.*?-->/g, "")
    .replace(/\*\*/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();

export function source(tag: string): SourceFacts {
  const text = readFileSync(join(__dirname, "../../content/locales", `${tag}.md`), "utf8");
  const title = strip(text.match(/^# <a name="[^"]+"><\/a>(.*)$/m)![1]);
  const rows = text
    .split("\n")
    .filter((l) => l.startsWith("|**"))
    .map((l) => l.split("|").slice(1, 3));
  const roles = rows.slice(1).map(([name, duties]) => ({
    name: strip(name.replace(/<br\/>/g, "")),
    responsibilities: duties.split("<br/>").map(strip).filter(Boolean),
  }));
  const diagramTitle = text.match(/!\[([^\]]+)\]/)![1];
  return { title, roles, diagramTitle };
}

/** Opens the language switcher (a disclosure) and follows the link to `name`'s language. */
export async function chooseLanguage(page: Page, name: string) {
  await page.locator(".ft-languages summary").click();
  await page.locator(".ft-languages").getByRole("link", { name }).click();
}
