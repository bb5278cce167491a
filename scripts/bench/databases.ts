/** Benchmark databases: synthetic directories built once and cached under data/bench/. */
import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Db } from "../../app/db.server";
import { generateSyntheticDirectory } from "./synthetic";

const BENCH_DIR = path.resolve("data/bench");
/** Bump when the generator or the schema changes, so cached files are rebuilt. */
const SYNTHETIC_VERSION = 1;

export function syntheticFile(count: number): string {
  return path.join(BENCH_DIR, `journey-${count}-v${SYNTHETIC_VERSION}.sqlite`);
}

export function syntheticDatabase(count: number): Db {
  const file = syntheticFile(count);
  if (fs.existsSync(file)) return openDatabase(file);
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const started = Date.now();
  const db = openDatabase(file);
  generateSyntheticDirectory(db, count);
  db.$client.pragma("optimize");
  console.log(`  (built ${count.toLocaleString("en")} synthetic services in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return db;
}
