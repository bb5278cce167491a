/**
 * The one database handle: embedded SQLite through better-sqlite3, in WAL mode, migrated on open.
 * Loaders get it through the router context (dbContext), filled at the server entry; scripts and
 * tests open their own with openDatabase().
 */
import fs from "node:fs";
import path from "node:path";
import Database, { type Statement } from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { createContext } from "react-router";
import * as schema from "../db/schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.resolve(process.env.MIGRATIONS_PATH ?? "db/migrations");

export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Pages read a few dozen services scattered over a large file: with SQLite's default 2 MB page
  // cache nearly every read missed it. Reading through a memory map (shared by every process on
  // the machine, and cached by the OS) and a larger private cache halve a results page's reads.
  sqlite.pragma("mmap_size = 1073741824");
  sqlite.pragma("cache_size = -32768");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

export const dbContext = createContext<Db>();

const statements = new WeakMap<Db, Map<string, Statement<unknown[]>>>();

/** A prepared statement for hot queries written in SQL, prepared once per database and reused. */
export function prepared(db: Db, sql: string): Statement<unknown[]> {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.$client.prepare(sql)));
  return statement;
}
