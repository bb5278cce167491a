/**
 * Browser tests: the production build served by the real server on a free port, with a fresh
 * database, driven by Debian's Chromium through playwright-core. Nothing leaves the machine: map
 * tiles and the quick-exit site are answered locally.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";

export const NEUTRAL_URL = "https://neutral.example/weather";
const TILE_HOST = "tiles.example";

export interface Harness {
  server: { url: string };
  browser: Browser;
  /**
   * A new context (its own cookies and history) with JavaScript on or off. `serverHtmlOnly` keeps
   * JavaScript on for the test (axe needs it) but blocks the app's scripts: the page as a browser
   * without JavaScript gets it.
   */
  context(options?: { javaScript?: boolean; serverHtmlOnly?: boolean; width?: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "family-navigator-browser-"));
  const { server, process: serverProcess } = await startServerProcess({
    PORT: "0",
    DATABASE_PATH: path.join(dir, "browser.sqlite"),
    QUICK_EXIT_URL: NEUTRAL_URL,
    MAP_TILE_URL: `https://${TILE_HOST}/{z}/{x}/{y}.png`,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async context({ javaScript = true, serverHtmlOnly = false, width = 390 } = {}) {
      const context = await browser.newContext({
        javaScriptEnabled: javaScript,
        viewport: { width, height: 800 },
        baseURL: server.url,
      });
      // Only our server is reached; tiles and the neutral site are answered here, anything else fails.
      await context.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.origin === server.url) {
          return serverHtmlOnly && route.request().resourceType() === "script" ? route.abort() : route.continue();
        }
        if (url.hostname === TILE_HOST) return route.fulfill({ status: 204 });
        if (url.href.startsWith(NEUTRAL_URL)) return route.fulfill({ contentType: "text/html", body: "<title>Weather</title><p>Weather</p>" });
        return route.abort();
      });
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      serverProcess.kill("SIGTERM");
      await new Promise((resolve) => serverProcess.once("exit", resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `npm start` as a user runs it (the production build), on a free port; resolves once it listens. */
export function startServerProcess(env: Record<string, string>): Promise<{ server: { url: string }; process: ChildProcess }> {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ server: { url: match[1]! }, process: child });
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** axe-core scan (WCAG 2.x A and AA) that must find nothing. */
export async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(" | ")}`);
  expect(summary, label).toEqual([]);
  // A scan that checked nothing would pass too: make sure the rules ran on real content.
  expect(results.passes.length, label).toBeGreaterThan(10);
}

/** Nothing is wider than the screen (no sideways scrolling on a phone). */
export async function expectNoHorizontalScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, label).toBeLessThanOrEqual(0);
}

export function artifactPath(name: string): string {
  const dir = path.resolve("test-results");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
