/** Benchmark databases: a fresh one, or a synthetic directory built once and cached under data/bench/. */
import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Db } from "../../app/db.server";
import { generateSyntheticDirectory } from "./synthetic";

const BENCH_DIR = path.resolve("data/bench");
/** Bump when the generator or the schema changes, so cached files are rebuilt. */
const SYNTHETIC_VERSION = 3;

export function freshDatabase(name: string): Db {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, name);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  return openDatabase(file);
}

export function syntheticFile(count: number): string {
  return path.join(BENCH_DIR, `synthetic-${count}-v${SYNTHETIC_VERSION}.sqlite`);
}

/** The synthetic directory, built once and reused while its version and size stay the same. */
export function syntheticDatabase(count: number): Db {
  const file = syntheticFile(count);
  if (fs.existsSync(file)) return openDatabase(file);
  const started = Date.now();
  const db = freshDatabase(path.basename(file));
  generateSyntheticDirectory(db, count);
  db.$client.pragma("optimize");
  console.log(`  (built ${count.toLocaleString("en")} synthetic services in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return db;
}
