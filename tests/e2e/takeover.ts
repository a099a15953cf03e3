// What the tests of a prerendered page taken over by the app share.
import type { Page } from "@playwright/test";

/** Holds back the WebAssembly files `pattern` matches until the returned function is called,
 * so the test can act on the prerendered page before the app takes it over. */
export async function holdWasm(page: Page, pattern: string): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Records every layout shift of the page from its start (call before `goto`); the returned
 * function reads them. */
export async function watchLayoutShifts(page: Page): Promise<() => Promise<number[]>> {
  await page.addInitScript(() => {
    (window as any).__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as any).__shifts.push((entry as any).value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  return () => page.evaluate(() => (window as any).__shifts);
}
