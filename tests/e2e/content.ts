// Reads the content files directly, as an oracle independent of the app's own parser.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const LOCALES = ["en", "pt-BR", "fr-FR"] as const;
export type Tag = (typeof LOCALES)[number];

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

export function source(tag: Tag): SourceFacts {
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
