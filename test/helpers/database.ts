import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "~/db.server";
import { seedDemoDirectory } from "../../db/seed/demo";

/** A real SQLite database in a temporary folder, migrated and (by default) holding the demo directory. */
export function createTestDatabase(options: { seed?: boolean } = {}): { db: Db; file: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "family-navigator-test-"));
  const file = path.join(dir, "test.sqlite");
  const db = openDatabase(file);
  if (options.seed ?? true) seedDemoDirectory(db);
  return {
    db,
    file,
    cleanup() {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
