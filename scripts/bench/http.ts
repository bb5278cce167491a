/**
 * Figures from the production server: results-page throughput with autocannon, and what a page
 * transfers (compressed, JavaScript and lazy map code included), measured in Chromium.
 */
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { chromium } from "playwright-core";

export async function startProductionServer(databasePath: string): Promise<{ url: string; processes: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: "0", DATABASE_PATH: databasePath, MAP_TILE_URL: "https://tiles.example/{z}/{x}/{y}.png" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      // From here on the request log is only drained: reading it would take CPU from the load generator.
      child.stdout!.off("data", read);
      child.stdout!.resume();
      resolve(match[1]!);
    };
    child.stdout!.on("data", read);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    processes: Number(/\((\d+) process(?:es)?\)/.exec(output)?.[1] ?? 1),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * Requests per second over `paths` (each connection goes through them in turn), once the server
 * runs as it will for the rest of its life: a fresh process loads its data on the first requests
 * and serves its first thousand or so (V8 still compiling the hot code) about a third slower, so
 * 20 s of warm-up come first. Then `rounds` runs of `seconds`, and the median run stands for them:
 * a shared 2-core machine's speed drifts from one minute to the next, and one run alone says as
 * much about the drift as about the server.
 */
export async function throughput(origin: string, paths: string[], { seconds = 10, connections = 10, rounds = 3 } = {}) {
  const options = { url: origin, connections, headers: { "accept-encoding": "gzip" }, requests: paths.map((path) => ({ method: "GET" as const, path })) };
  await autocannon({ ...options, duration: 20 });
  const runs = [];
  for (let round = 0; round < rounds; round++) {
    const result = await autocannon({ ...options, duration: seconds });
    runs.push({
      requestsPerSecond: result.requests.average,
      latencyP50: result.latency.p50,
      latencyP99: result.latency.p99,
      errors: result.errors + result.non2xx,
    });
  }
  const median = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)]!;
  return { ...median, runs: runs.map((run) => run.requestsPerSecond), errors: runs.reduce((sum, run) => sum + run.errors, 0) };
}

/** Bytes on the wire (compressed bodies plus headers) for everything a page loads from our server. */
export async function pageWeight(pages: Array<{ label: string; url: string; cookie?: string }>) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"],
  });
  const out: Array<{ label: string; kilobytes: number; requests: number }> = [];
  for (const entry of pages) {
    const context = await browser.newContext();
    await context.route("**/*", (route) => (new URL(route.request().url()).hostname === "tiles.example" ? route.fulfill({ status: 204 }) : route.continue()));
    const page = await context.newPage();
    const requests: Array<Promise<number>> = [];
    page.on("requestfinished", (request) => {
      if (new URL(request.url()).hostname !== "tiles.example") {
        requests.push(request.sizes().then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize));
      }
    });
    await page.goto(entry.url, { waitUntil: "networkidle" });
    const sizes = await Promise.all(requests);
    out.push({ label: entry.label, kilobytes: sizes.reduce((sum, size) => sum + size, 0) / 1024, requests: sizes.length });
    await context.close();
  }
  await browser.close();
  return out;
}
