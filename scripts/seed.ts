/**
 * `npm run seed`: loads the demo directory into the database at DATABASE_PATH.
 * `npm run seed -- --reset` first deletes the database file, for a clean start.
 */
import fs from "node:fs";
import { config } from "../app/config.server";
import { openDatabase } from "../app/db.server";
import { seedIfEmpty } from "../db/seed/demo";

if (process.argv.includes("--reset")) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${config.databasePath}${suffix}`, { force: true });
}
const db = openDatabase(config.databasePath);
const seeded = seedIfEmpty(db);
console.log(
  seeded
    ? `Seeded ${seeded.services} demo services from ${seeded.organizations} organizations into ${config.databasePath}.`
    : `${config.databasePath} already holds a directory; nothing seeded (use --reset to start over).`,
);
db.$client.close();
