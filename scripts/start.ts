/**
 * `npm start`: builds when the build is missing or older than the sources, migrates and seeds the
 * database, and serves on PORT. Stops cleanly on SIGINT/SIGTERM.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Set before React loads: its development and production builds must not mix.
process.env.NODE_ENV ??= "production";
const { config } = await import("../app/config.server");
const { BUILD_DIR, startServer } = await import("./server");

const SOURCES = ["app", "locales", "public", "package.json", "vite.config.ts", "react-router.config.ts"];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

const serverBuild = path.join(BUILD_DIR, "server/index.js");
const builtAt = fs.existsSync(serverBuild) ? fs.statSync(serverBuild).mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map(newestMtime))) {
  console.log("Building…");
  const result = spawnSync("npx", ["react-router", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = await startServer({ port: config.port, databasePath: config.databasePath });
console.log(`Family Navigator is running on ${server.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
