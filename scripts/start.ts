/**
 * `npm start`: builds when the build is missing or older than the sources, migrates and seeds the
 * database, and serves on PORT with WEB_CONCURRENCY processes (one per CPU core by default; they
 * share the port through node:cluster, and SQLite in WAL mode lets them all read at once). The
 * first process only supervises: one that dies is replaced. Stops cleanly on SIGINT/SIGTERM.
 */
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";

// Set before React loads: its development and production builds must not mix.
process.env.NODE_ENV ??= "production";
const { config, cookieSecret } = await import("../app/config.server");
const { BUILD_DIR, prepareDatabase, startServer } = await import("./server");

const SOURCES = ["app", "locales", "public", "package.json", "vite.config.ts", "react-router.config.ts"];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

if (cluster.isWorker) {
  const server = await startServer({ port: config.port, databasePath: config.databasePath });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
} else {
  const serverBuild = path.join(BUILD_DIR, "server/index.js");
  const builtAt = fs.existsSync(serverBuild) ? fs.statSync(serverBuild).mtimeMs : 0;
  if (builtAt < Math.max(...SOURCES.map(newestMtime))) {
    console.log("Building…");
    const result = spawnSync("npx", ["react-router", "build"], { stdio: "inherit" });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  prepareDatabase(config.databasePath);

  // The primary only supervises; every server is a worker, started with the flags below.
  // A request allocates a few megabytes that die with it. With V8's default 16 MB young generation,
  // requests still in flight at each scavenge were promoted and later collected by full GCs; 64 MB
  // semi-spaces gave about 8 % more pages per second at 100 000 services, for ~130 MB more per process.
  // A size given in NODE_OPTIONS (a small host's) is left to stand: a flag here would override it.
  const youngGeneration = /--max-semi-space-size\b/.test(process.env.NODE_OPTIONS ?? "") ? [] : ["--max-semi-space-size=64"];
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...youngGeneration] });
  // Every process must sign and check the questionnaire cookie with the same secret.
  const env = { SESSION_SECRET: cookieSecret };
  let stopping = false;
  let announced = false;
  const listening = new Set<number>();
  cluster.on("listening", (worker, address) => {
    listening.add(worker.id);
    if (!announced && listening.size === config.workers) {
      announced = true;
      console.log(`Family Navigator is running on http://localhost:${address.port} (${config.workers} ${config.workers === 1 ? "process" : "processes"})`);
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    listening.delete(worker.id);
    if (stopping) return;
    // One that fails before all are up would fail again (a taken port, a broken database): give up.
    if (!announced) process.exit(typeof code === "number" && code !== 0 ? code : 1);
    console.error(JSON.stringify({ time: new Date().toISOString(), msg: "server process stopped; starting another", code, signal }));
    cluster.fork(env);
  });
  for (let n = 0; n < config.workers; n++) cluster.fork(env);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
      cluster.once("exit", function waitForAll() {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        else cluster.once("exit", waitForAll);
      });
    });
  }
}
