// Submitting to a real receiver through a scriptable faulty backend (see faulty-backend.mjs).
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { LOCALES } from "./content";
import { BROWSER_LOCALE, REFERENCE, seedDraft, validDraft } from "./wizard-helpers";
import { STRINGS } from "./wizard-strings";

const FAULTY = "http://127.0.0.1:4174";
const RECEIVER = "http://127.0.0.1:8788";
const RECEIVER_DB = ".tmp/e2e-requests.sqlite"; // the receiver's --db (playwright.config.ts)

type Entry = { key: string; fault: unknown; sent: Record<string, unknown>; answer: { status: number; body: { id: string } } | null };

async function faults(request: APIRequestContext, list: object[]) {
  await request.post(`${FAULTY}/__faults`, { data: list });
}
const log = async (request: APIRequestContext): Promise<Entry[]> => (await request.get(`${FAULTY}/__log`)).json();
/** How many requests the receiver's database holds, by the receiver's operator command. */
function stored(): number {
  const out = execFileSync("target/debug/receiver", ["--db", RECEIVER_DB, "--count"], { encoding: "utf8" }).trim();
  if (!/^\d+$/.test(out)) throw new Error(`receiver --count printed ${JSON.stringify(out)}`);
  return Number(out);
}

/** A short timeout (and any other settings) through the deployer's config.json. */
async function configure(page: Page, settings: object) {
  await page.route("**/config.json", (route) => route.fulfill({ json: settings }));
}

async function openCheck(page: Page, tag: string, draft = validDraft()) {
  await seedDraft(page, draft, "check");
  await page.goto(`/${tag}/request/check`);
  await expect(page.locator("h1")).toHaveText(STRINGS[tag as keyof typeof STRINGS].check);
}

const send = (page: Page) => page.locator("form.ft-form button[type=submit]").click();

async function expectConfirmed(page: Page, tag: string, entry: Entry) {
  await expect(page).toHaveURL(new RegExp(`/${tag}/request/confirmation$`));
  expect(entry.answer?.status).toBe(201);
  await expect(page.locator("#ft-reference")).toHaveText(entry.answer!.body.id);
}

test.beforeEach(async ({ request }) => {
  await request.delete(`${FAULTY}/__faults`);
});

for (const tag of LOCALES) {
  const s = STRINGS[tag];
  test.describe(`${tag} submission`, () => {
    test.use({ locale: BROWSER_LOCALE[tag] });

    test("a 500 is retried with the same key; stored once; the reference is shown", async ({ page, request }) => {
      const before = stored();
      await faults(request, [{ status: 500 }]);
      await openCheck(page, tag);
      await send(page);
      await expect(page).toHaveURL(/\/request\/confirmation$/);
      const entries = await log(request);
      expect(entries).toHaveLength(2);
      expect(entries[1].key).toBe(entries[0].key);
      expect(entries[0].key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      await expectConfirmed(page, tag, entries[1]);
      expect(stored()).toBe(before + 1);
      // The answers are gone from this browser; the confirmation survives a reload.
      await page.reload();
      await expect(page.locator("#ft-reference")).toHaveText(entries[1].answer!.body.id);
      expect(await page.evaluate(() => localStorage.getItem("fasttrack:request-draft"))).toBeNull();
    });

    test("503 with Retry-After, three times: a localized failure, answers intact, Try again sends once", async ({ page, request }) => {
      const before = stored();
      await faults(request, [1, 2, 3].map(() => ({ status: 503, retry_after: "1" })));
      await openCheck(page, tag);
      await send(page);
      const failure = page.locator("#ft-failure");
      await expect(failure).toBeFocused({ timeout: 15_000 });
      await expect(failure).toContainText(s.notSent);
      await expect(failure).toContainText(s.busy);
      await expect(page.locator(".ft-wizard")).toContainText("Contoso migration");
      expect(await log(request)).toHaveLength(3);
      await expect(page.locator("form.ft-form button[type=submit]")).toHaveText(s.tryAgain);
      await send(page);
      await expect(page).toHaveURL(/\/request\/confirmation$/);
      const entries = await log(request);
      expect(entries).toHaveLength(4);
      expect(new Set(entries.map((e) => e.key)).size).toBe(1);
      await expectConfirmed(page, tag, entries[3]);
      expect(stored()).toBe(before + 1);
    });

    test("a 422 shows each field error on its step, in the reader's language", async ({ page, request }) => {
      await faults(request, [
        { status: 422, body: { status: 422, errors: [{ field: "project_name", code: "too_long", detail: "x" }] } },
      ]);
      await openCheck(page, tag);
      await send(page);
      await expect(page).toHaveURL(/\/request\/organisation\?change=1$/);
      await expect(page.locator("#ft-error-summary")).toBeFocused();
      await expect(page.locator("#ft-error-summary li")).toHaveText([s.projectTooLong]);
      await expect(page.locator("#project-name-error")).toContainText(s.projectTooLong);
      await expect(page.locator("#project-name")).toHaveValue("Contoso migration");
      await page.locator("#project-name").fill("Shorter");
      await page.locator("form.ft-form button[type=submit]").click();
      await expect(page).toHaveURL(/\/request\/check$/);
      await send(page);
      await expect(page).toHaveURL(/\/request\/confirmation$/);
      const entries = await log(request);
      // The changed answers went with a new key.
      expect(entries[1].key).not.toBe(entries[0].key);
      expect((entries[1].sent.organisation as { project_name: string }).project_name).toBe("Shorter");
    });
  });
}

test.describe("failures, in English", () => {
  const s = STRINGS.en;

  test("a backend that hangs times out, is retried, then reported", async ({ page, request }) => {
    await configure(page, { timeout_ms: 800 });
    await faults(request, [{ hang: true }, { hang: true }, { hang: true }]);
    await openCheck(page, "en");
    await send(page);
    await expect(page.locator("#ft-failure")).toContainText(s.timedOut, { timeout: 15_000 });
    expect(await log(request)).toHaveLength(3);
    await send(page);
    await expect(page).toHaveURL(/\/request\/confirmation$/);
  });

  test("a Retry-After longer than the app waits, as an HTTP-date, is told to the reader at once", async ({ page, request }) => {
    const inTwoAndAHalfMinutes = new Date(Date.now() + 150_000).toUTCString();
    await faults(request, [{ status: 503, retry_after: inTwoAndAHalfMinutes }]);
    await openCheck(page, "en");
    await send(page);
    await expect(page.locator("#ft-failure")).toContainText(s.busyFor3);
    expect(await log(request)).toHaveLength(1);
    await send(page);
    await expect(page).toHaveURL(/\/request\/confirmation$/);
  });

  test("a 2xx without a usable id is a confirmation without a reference, never a second send", async ({ page, request }) => {
    await faults(request, [{ status: 201, content_type: "application/json", body: { status: "received" } }]);
    await openCheck(page, "en");
    await send(page);
    await expect(page).toHaveURL(/\/request\/confirmation$/);
    await expect(page.locator("#ft-no-reference")).toHaveText(s.noReference);
    await expect(page.locator("#ft-reference")).toHaveCount(0);
    await expect(page.locator("form.ft-form button[type=submit]")).toHaveCount(0);
    expect(await log(request)).toHaveLength(1);
  });

  test("every 422 entry reaches its question: unknown codes in the backend's words, one question after another", async ({ page, request }) => {
    await faults(request, [
      {
        status: 422,
        body: {
          errors: [
            { field: "licences", code: "invalid", detail: "Licence count not on our contract" },
            { field: "requester_email", code: "blocked_domain", message: "We cannot write to this domain" },
            { code: "quota", title: "This tenant has sent too many requests today" },
          ],
        },
      },
    ]);
    await openCheck(page, "en");
    await send(page);
    await expect(page).toHaveURL(/\/request\/organisation\?change=1$/);
    await expect(page.locator("#ft-error-summary")).toBeFocused();
    await expect(page.locator("#ft-error-summary li")).toHaveText(["Licence count not on our contract"]);
    await expect(page.locator("#licences-error")).toContainText("Licence count not on our contract");
    await page.locator("#licences").fill("900");
    await page.locator("form.ft-form button[type=submit]").click();
    // The next refused question, with the backend's own words.
    await expect(page).toHaveURL(/\/request\/your-details\?change=1$/);
    await expect(page.locator("#ft-error-summary li")).toHaveText(["We cannot write to this domain"]);
    await expect(page.locator("#requester-email-error")).toContainText("We cannot write to this domain");
    await page.locator("form.ft-form button[type=submit]").click();
    // Back on the review: what named no question is listed there, and the button sends anew
    // (trying the same answers again cannot help).
    await expect(page).toHaveURL(/\/request\/check$/);
    await expect(page.locator("#ft-failure")).toContainText("This tenant has sent too many requests today");
    await expect(page.locator("form.ft-form button[type=submit]")).not.toHaveText(s.tryAgain);
    await send(page);
    await expect(page).toHaveURL(/\/request\/confirmation$/);
    const entries = await log(request);
    expect((entries[1].sent.organisation as { licences: number }).licences).toBe(900);
  });

  test("leaving the review while sending loses nothing and sends nothing twice", async ({ page, request }) => {
    const before = stored();
    await faults(request, [{ pass: true, delay_ms: 3000 }]);
    await openCheck(page, "en");
    await send(page);
    // Back at once, to the last question: its answers are locked while the request is out.
    await page.locator("a.ft-back-link").click();
    await expect(page).toHaveURL(/\/request\/contacts$/);
    await expect(page.locator("#ft-sending-notice")).toBeVisible();
    await expect(page.locator("#sponsor-name")).toBeDisabled();
    await expect(page.locator("form.ft-form button[type=submit]")).toBeDisabled();
    // The answer arrives wherever the reader is: the confirmation, with the stored reference.
    await expect(page).toHaveURL(/\/request\/confirmation$/, { timeout: 10_000 });
    const entries = await log(request);
    expect(entries).toHaveLength(1);
    await expect(page.locator("#ft-reference")).toHaveText(entries[0].answer!.body.id);
    expect(stored()).toBe(before + 1);
  });

  test("a dropped connection is retried, then reported as unreachable", async ({ page, request }) => {
    // Chromium itself re-sends a POST when a reused connection drops, so the app's three
    // attempts reach the server an unknown number of times: drop them all until told not to.
    await faults(request, [{ drop: true, sticky: true }]);
    await openCheck(page, "en");
    await send(page);
    await expect(page.locator("#ft-failure")).toContainText(s.unreachable, { timeout: 15_000 });
    const entries = await log(request);
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((e) => e.key)).size).toBe(1);
    await request.delete(`${FAULTY}/__faults`);
    await send(page);
    await expect(page).toHaveURL(/\/request\/confirmation$/);
  });

  for (const [status, message] of [
    [401, s.signIn],
    [403, s.signIn],
    [413, s.tooLarge],
  ] as const) {
    test(`a ${status} is reported at once, never retried, answers kept`, async ({ page, request }) => {
      await faults(request, [{ status }]);
      await openCheck(page, "en");
      await send(page);
      await expect(page.locator("#ft-failure")).toContainText(message);
      expect(await log(request)).toHaveLength(1);
      await page.reload();
      await expect(page.locator(".ft-wizard")).toContainText("Contoso migration");
    });
  }

  // Behind a single-sign-on gateway whose session expired, the POST never reaches the backend:
  // the gateway answers with a redirect to its sign-in page, or with that page itself.
  for (const [gateway, fault] of [
    ["redirects the POST to its sign-in page", { status: 302, location: "/sign-in", text: "", content_type: null }],
    ["answers the POST with its sign-in page", { status: 200, content_type: "text/html; charset=utf-8", text: "<!doctype html><title>Sign in</title><form action=/sign-in></form>" }],
  ] as const) {
    test(`a gateway that ${gateway} is not an acceptance: not sent, answers kept, Try again sends the same request`, async ({ page, request }) => {
      const before = stored();
      await faults(request, [fault]);
      await openCheck(page, "en");
      await send(page);
      const failure = page.locator("#ft-failure");
      await expect(failure).toBeFocused();
      await expect(failure).toContainText(s.notSent);
      await expect(failure).toContainText(s.signIn);
      await expect(page).toHaveURL(/\/request\/check$/);
      await expect(page.locator(".ft-wizard")).toContainText("Contoso migration");
      expect(await log(request)).toHaveLength(1);
      expect(stored()).toBe(before);
      // Signed in again (in another tab): Try again sends the same request, with its key.
      await expect(page.locator("form.ft-form button[type=submit]")).toHaveText(s.tryAgain);
      await send(page);
      await expect(page).toHaveURL(/\/request\/confirmation$/);
      const entries = await log(request);
      expect(entries).toHaveLength(2);
      expect(entries[1].key).toBe(entries[0].key);
      await expectConfirmed(page, "en", entries[1]);
      expect(stored()).toBe(before + 1);
    });
  }

  test("other 5xx answers are retried, then reported", async ({ page, request }) => {
    await faults(request, [{ status: 502 }, { status: 504 }, { status: 500 }]);
    await openCheck(page, "en");
    await send(page);
    await expect(page.locator("#ft-failure")).toContainText(s.serverError, { timeout: 15_000 });
    expect(await log(request)).toHaveLength(3);
  });

  test("a 409 is explained; trying again sends a new request with a new key", async ({ page, request }) => {
    await faults(request, [{ status: 409 }]);
    await openCheck(page, "en");
    await send(page);
    await expect(page.locator("#ft-failure")).toContainText(s.conflict);
    await send(page);
    await expect(page).toHaveURL(/\/request\/confirmation$/);
    const entries = await log(request);
    expect(entries).toHaveLength(2);
    expect(entries[1].key).not.toBe(entries[0].key);
  });

  test("offline: nothing is sent; back online, Try again succeeds", async ({ page, context, request }) => {
    await openCheck(page, "en");
    await context.setOffline(true);
    await send(page);
    await expect(page.locator("#ft-failure")).toContainText(s.offline);
    expect(await log(request)).toHaveLength(0);
    await context.setOffline(false);
    await send(page);
    await expect(page).toHaveURL(/\/request\/confirmation$/);
  });

  test("the key survives a reload after a failure, so the retry is the same request", async ({ page, request }) => {
    const before = stored();
    await faults(request, [{ status: 500 }, { status: 500 }, { status: 500 }]);
    await openCheck(page, "en");
    await send(page);
    await expect(page.locator("#ft-failure")).toBeVisible({ timeout: 15_000 });
    await page.reload();
    await send(page);
    await expect(page).toHaveURL(/\/request\/confirmation$/);
    const entries = await log(request);
    expect(entries).toHaveLength(4);
    expect(new Set(entries.map((e) => e.key)).size).toBe(1);
    expect(stored()).toBe(before + 1);
  });

  test("the submit button cannot send twice", async ({ page, request }) => {
    const before = stored();
    await configure(page, { timeout_ms: 1500 });
    await faults(request, [{ hang: true }]);
    await openCheck(page, "en");
    const button = page.locator("form.ft-form button[type=submit]");
    await button.click();
    await expect(button).toBeDisabled();
    await button.click({ force: true });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/request\/confirmation$/, { timeout: 15_000 });
    const entries = await log(request);
    expect(entries).toHaveLength(2); // the hung attempt and its one retry
    expect(entries[1].key).toBe(entries[0].key);
    expect(stored()).toBe(before + 1);
  });

  test("a cross-origin endpoint: refused by CORS is unreachable; allowed by CORS is stored", async ({ page, request }) => {
    await configure(page, { endpoint: `${FAULTY}/no-cors/api/requests` });
    await openCheck(page, "en");
    await send(page);
    await expect(page.locator("#ft-failure")).toContainText(s.unreachable, { timeout: 15_000 });

    // (A page with routes has Playwright answer CORS preflights itself: the receiver's own
    // preflight answers are tested without any, in trust.spec.ts.)
    const other = await page.context().newPage();
    await configure(other, { endpoint: `${RECEIVER}/api/requests` });
    const before = stored();
    await seedDraft(other, validDraft(), "check");
    await other.goto("/en/request/check");
    await other.locator("form.ft-form button[type=submit]").click();
    await expect(other).toHaveURL(/\/request\/confirmation$/);
    await expect(other.locator("#ft-reference")).toHaveText(REFERENCE);
    expect(stored()).toBe(before + 1);
  });
});
