import { defineConfig } from "@playwright/test";

// Playwright drives Debian's Chromium (never a downloaded browser) against the release dist/.
const PORT = 4173;
export const FAULTY_PORT = 4174;
export const RECEIVER_PORT = 8788;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: ".tmp/playwright",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".tmp/playwright-results.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        // The date input's field order follows the UI language: keep it fixed (M/D/Y).
        "--lang=en-US",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // The release dist/ behind a static server that forwards /api to a scriptable faulty
  // backend, which forwards to the real receiver (built by scripts/test.sh) on a fresh database.
  webServer: [
    {
      command: `rm -f .tmp/e2e-requests.sqlite* && target/debug/receiver --listen 127.0.0.1:${RECEIVER_PORT} --db .tmp/e2e-requests.sqlite --allow-origin http://127.0.0.1:${PORT} --allow-origin http://127.0.0.1:4175 --allow-origin http://127.0.0.1:4178 --allow-header X-Tenant`,
      url: `http://127.0.0.1:${RECEIVER_PORT}/api/health`,
      reuseExistingServer: false,
    },
    {
      command: `node tests/e2e/faulty-backend.mjs --port ${FAULTY_PORT} --upstream http://127.0.0.1:${RECEIVER_PORT}`,
      url: `http://127.0.0.1:${FAULTY_PORT}/__log`,
      reuseExistingServer: false,
    },
    {
      command: `node tests/e2e/static-server.mjs --dir dist --port ${PORT} --proxy /api=http://127.0.0.1:${FAULTY_PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
    },
  ],
});
