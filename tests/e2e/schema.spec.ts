// The published JSON Schema, checked by an independent validator (Ajv, JSON Schema 2020-12):
// the valid examples pass; each invalid one fails for the reason its name gives.
import { expect, test } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = join(__dirname, "../../schema");
const schema = JSON.parse(readFileSync(join(dir, "request.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const check = ajv.compile(schema);
const examples = readdirSync(join(dir, "examples")).sort();

// name -> [JSON Schema keyword, instance path] of the error that must be reported.
const REASONS: Record<string, [string, string]> = {
  "invalid-contact-kind-unknown.json": ["oneOf", "/primary_contact"],
  "invalid-customer-on-customer-request.json": ["type", "/customer"],
  "invalid-date-not-iso.json": ["pattern", "/planned_deployment_date"],
  "invalid-duplicate-products.json": ["uniqueItems", "/products"],
  "invalid-empty-products.json": ["minItems", "/products"],
  "invalid-extra-field.json": ["additionalProperties", ""],
  "invalid-licences-below-150.json": ["minimum", "/organisation/licences"],
  "invalid-migration-below-500.json": ["minimum", "/organisation/licences"],
  "invalid-missing-products.json": ["required", ""],
  "invalid-phone-31-characters.json": ["maxLength", "/requester/phone"],
  "invalid-phone-not-international.json": ["pattern", "/requester/phone"],
  "invalid-project-name-too-long.json": ["maxLength", "/organisation/project_name"],
  "invalid-schema-version-2.json": ["const", "/schema_version"],
  "invalid-unknown-product.json": ["enum", "/products/0"],
};

test("the examples cover every reason, and only valid-* and invalid-* names", () => {
  expect(examples.filter((n) => n.startsWith("invalid-"))).toEqual(Object.keys(REASONS).sort());
  expect(examples.every((n) => /^(valid|invalid)-[a-z0-9-]+\.json$/.test(n))).toBe(true);
});

for (const name of examples) {
  test(`schema: ${name}`, () => {
    const ok = check(JSON.parse(readFileSync(join(dir, "examples", name), "utf8")));
    if (name.startsWith("valid-")) {
      expect(check.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    } else {
      expect(ok).toBe(false);
      const [keyword, path] = REASONS[name];
      const found = (check.errors ?? []).map((e) => [e.keyword, e.instancePath]);
      expect(found).toContainEqual([keyword, path]);
    }
  });
}
