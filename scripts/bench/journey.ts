/**
 * The family's journey in figures: matching at 1 000, 10 000 and 100 000 services, results-page
 * throughput against the production build at 100 000 services, and what pages transfer.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "../../app/db.server";
import { benchMatching } from "./matching";
import { pageWeight, startProductionServer, throughput } from "./http";
import { FAMILIES } from "./families";
import { shareParams } from "../../app/questionnaire/answers";

export async function benchJourney(syntheticDatabase: (count: number) => Db, syntheticFile: (count: number) => string) {
  console.log("\nMatching (a family's results in-process: candidate retrieval from the in-memory index + pure matching)");
  const sizes = [1_000, 10_000, 100_000];
  const databases = sizes.map((count) => syntheticDatabase(count));
  const p50 = benchMatching(
    sizes.map((count, n) => ({ label: `${count.toLocaleString("en")} services`, db: databases[n]! })),
    15,
  );
  for (const db of databases) db.$client.close();
  console.log(`  p50 growth 1k → 100k: ×${(p50[2]! / p50[0]!).toFixed(1)}`);

  // The server works on a copy: it applies migrations and must not touch the cached file.
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "family-navigator-bench-")), "server.sqlite");
  fs.copyFileSync(syntheticFile(100_000), copy);
  const server = await startProductionServer(copy);
  // Every benchmark family's shared link, in the three languages: the server cannot answer from a warm corner.
  const languages = ["vi", "en", "cs"];
  const resultsPaths = FAMILIES.map((answers, n) => `/${languages[n % 3]}/results?${shareParams(answers).toString()}`);
  const run = { seconds: 10, connections: 10, rounds: 3 };
  const results = await throughput(server.url, resultsPaths, run);
  console.log(
    `\nResults page at 100 000 services (autocannon, ${run.connections} connections, ${resultsPaths.length} families in turn, ` +
      `${server.processes} server processes): ${results.requestsPerSecond.toFixed(0)} requests/s, ` +
      `the median of ${results.runs.length} runs of ${run.seconds} s (${results.runs.map((rate) => rate.toFixed(0)).join(", ")}); ` +
      `its latency p50 ${results.latencyP50} ms, p99 ${results.latencyP99} ms; errors ${results.errors}`,
  );
  await server.stop();
  fs.rmSync(path.dirname(copy), { recursive: true, force: true });

  const demoFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "family-navigator-bench-")), "demo.sqlite");
  const demo = await startProductionServer(demoFile);
  const weights = await pageWeight([
    { label: "questionnaire screen (first)", url: `${demo.url}/vi/questionnaire/safety` },
    { label: "results page (shared link)", url: `${demo.url}/vi/results?${shareParams(FAMILIES[0]!).toString()}` },
    { label: "home page", url: `${demo.url}/vi` },
    { label: "search with map", url: `${demo.url}/vi/search?q=tu+van&place=Brno` },
  ]);
  console.log("\nTransferred (compressed bodies + headers, everything the page loads, map code included)");
  for (const weight of weights) console.log(`  ${weight.label.padEnd(30)} ${weight.kilobytes.toFixed(1).padStart(7)} KB in ${weight.requests} requests`);
  await demo.stop();
  fs.rmSync(path.dirname(demoFile), { recursive: true, force: true });
}
