/** The production server as it runs (`npm start`), beyond pages: what it does when its surroundings fail. */
import fs from "node:fs";
import net from "node:net";
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

describe("what every response carries", () => {
  it("pages, files and data alike: the security headers, compression where it pays, and a log without query strings", async () => {
    const { server, process: child } = await startServerProcess({ PORT: "0", WEB_CONCURRENCY: "1", DATABASE_PATH: path.join(dir, "headers.sqlite") });
    let log = "";
    child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const get = (target: string) => fetch(`${server.url}${target}`, { headers: { "accept-encoding": "gzip" } });
    try {
      const page = await get("/en/results?need=food&place=Long%20Beach&language=en");
      const html = await page.text();
      const script = /<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const responses = {
        page,
        script: await get(script!),
        data: await get("/en/results.data?need=food&place=Long%20Beach&language=en"),
        icon: await get("/favicon.svg"),
        leaflet: await get("/vendor/leaflet/leaflet.css"),
        missing: await get("/en/no-such-page"),
      };
      expect(Object.fromEntries(Object.entries(responses).map(([name, response]) => [name, response.status]))).toEqual({
        page: 200,
        script: 200,
        data: 200,
        icon: 200,
        leaflet: 200,
        missing: 404,
      });
      for (const [name, response] of Object.entries(responses)) {
        expect(response.headers.get("x-content-type-options"), name).toBe("nosniff");
        expect(response.headers.get("x-frame-options"), name).toBe("DENY");
        expect(response.headers.get("referrer-policy"), name).toBe("same-origin");
        expect(response.headers.get("permissions-policy"), name).toContain("geolocation=(self)");
      }
      // The page compressed whole by entry.server.tsx; the rest by the compression middleware.
      for (const name of ["page", "script", "data", "leaflet"] as const) {
        expect(responses[name].headers.get("content-encoding"), name).toBe("gzip");
      }
      expect(responses.script.headers.get("cache-control")).toContain("immutable");
      expect(html).toContain("Long Beach");

      await new Promise((resolve) => setTimeout(resolve, 200));
      const paths = log
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { path?: string })
        .flatMap((entry) => (entry.path ? [entry.path] : []));
      expect(paths).toEqual(expect.arrayContaining(["/en/results", "/en/results.data", script!, "/favicon.svg", "/en/no-such-page"]));
      expect(log).not.toContain("need=");
      expect(log).not.toContain("Long");
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  });
});

/** One raw HTTP/1.1 request (fetch would refuse what these tests send), answered with its status line. */
function rawRequest(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(`${head}\r\nConnection: close\r\n\r\n`));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("end", () => resolve(answer.split("\r\n")[0]!));
    socket.on("error", reject);
  });
}

describe("requests no browser sends", () => {
  it("are answered, and the server goes on serving", async () => {
    const { server, process: child } = await startServerProcess({ PORT: "0", WEB_CONCURRENCY: "1", DATABASE_PATH: path.join(dir, "odd.sqlite") });
    let exited = false;
    child.once("exit", () => (exited = true));
    try {
      // A Host header no URL can hold: once, this took the process down.
      expect(await rawRequest(server.url, "GET /en HTTP/1.1\r\nHost: [")).toMatch(/^HTTP\/1\.1 4\d\d/);
      // A target that is not a plain path is not read as another site's page.
      expect(await rawRequest(server.url, "GET //evil.example/en HTTP/1.1\r\nHost: localhost")).toMatch(/^HTTP\/1\.1 404/);
      expect((await fetch(`${server.url}/en`)).status).toBe(200);
      expect(exited).toBe(false);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => (exited ? resolve(null) : child.once("exit", resolve)));
    }
  });
});

describe("a page's data, as a browser with JavaScript asks for it when the family moves on", () => {
  it("is read for the page's own address, not the data request's (its .data suffix and React Router's parameters)", async () => {
    const { server, process: child } = await startServerProcess({ PORT: "0", WEB_CONCURRENCY: "1", DATABASE_PATH: path.join(dir, "data.sqlite") });
    try {
      // The language is the path's, "cs", not the browser's preference: "/cs.data" read as it is names none.
      const root = await (await fetch(`${server.url}/cs.data?_routes=root`, { headers: { "Accept-Language": "vi" } })).text();
      expect(root).toContain('"language","cs"');
      // A page past the last goes to the last: to the page's own address, not "/en/search.data?…&_routes=…".
      const beyond = await (await fetch(`${server.url}/en/search.data?q=&page=50&_routes=routes%2Fsearch`)).text();
      expect(beyond).toMatch(/"redirect","\/en\/search\?q=&page=\d+"/);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  });
});

describe("a form posted where no form goes", () => {
  it("gets a page in the URL's language that keeps Quick exit and the crisis numbers, never a bare error", async () => {
    const { server, process: child } = await startServerProcess({ PORT: "0", WEB_CONCURRENCY: "1", DATABASE_PATH: path.join(dir, "posts.sqlite") });
    try {
      for (const [target, language, title] of [
        ["/cs/search", "cs", "Něco se pokazilo"],
        ["/vi/results", "vi", "Đã có lỗi"],
        ["/en/questionnaire/danger", "en", "Something went wrong"],
      ] as const) {
        const response = await fetch(`${server.url}${target}`, { method: "POST", headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" }, body: "q=x" });
        const html = await response.text();
        expect(response.status, target).toBe(405);
        expect(html, target).toContain(`<html lang="${language}"`);
        expect(html, target).toMatch(new RegExp(`<h1>${title}`));
        expect(html, target).toContain('class="quick-exit"');
        expect(html, target).toContain('id="help-now"');
      }
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  });
});

describe("the scripts it serves", () => {
  it("carry the bundled libraries' copyright notices", () => {
    const assets = path.resolve("build/client/assets");
    const scripts = fs.readdirSync(assets).filter((name) => name.endsWith(".js")).map((name) => fs.readFileSync(path.join(assets, name), "utf8"));
    // Leaflet's BSD licence asks for its notice in every copy, minified ones included.
    expect(scripts.some((code) => code.includes("Leaflet 1.9.4") && code.includes("Vladimir Agafonkin"))).toBe(true);
    expect(scripts.some((code) => code.includes("@license lucide-react"))).toBe(true);
  });
});
