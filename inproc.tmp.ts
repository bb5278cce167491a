process.env.NODE_ENV = "production";
import path from "node:path";
import { pathToFileURL } from "node:url";
const { createRequestHandler } = await import("react-router");
const { openDatabase } = await import("./app/db.server");
const build: any = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
const db = openDatabase(process.argv[2]!);
const handler = createRequestHandler(build, "production");
const url = "http://localhost/en/results?need=food&place=Brno&at=49.20%2C16.61&language=vi&age=0&age=3&free=1&evenings=1&nocar=1";
async function one() {
  const res = await handler(new Request(url), build.entry.module.createLoadContext(db));
  await res.text();
  return res.status;
}
for (let i = 0; i < 50; i++) await one();
const n = Number(process.argv[3] ?? 300);
const t0 = performance.now();
for (let i = 0; i < n; i++) await one();
console.log("status", await one(), "ms/request", ((performance.now() - t0) / n).toFixed(2));
