/** The production server as it runs (`npm start`), beyond pages: what it does when its surroundings fail. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServerProcess } from "./harness";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "family-navigator-server-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the request log", () => {
  it("closing under the server does not take it down: it serves on, and says so on standard error", async () => {
    const { server, process: child } = await startServerProcess({ PORT: "0", WEB_CONCURRENCY: "2", DATABASE_PATH: path.join(dir, "log.sqlite") });
    let errors = "";
    child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    try {
      // Whatever collected the log goes away.
      child.stdout!.destroy();
      const statuses: number[] = [];
      for (let n = 0; n < 8; n++) {
        statuses.push((await fetch(`${server.url}/en`)).status);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(statuses).toEqual(Array(8).fill(200));
      expect(errors).toContain("request log stopped");
      expect(errors).not.toContain("EPIPE\n    at");
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  });
});
