/**
 * The web server: a Node process serving the React Router build, with the embedded database.
 * `npm start` (scripts/start.ts) runs one per CPU core; the browser tests and benchmarks go through it.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import http from "node:http";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@react-router/express";
import { createRequestListener } from "@react-router/node";
import type { ServerBuild } from "react-router";
import { openDatabase, type Db } from "../app/db.server";
import { seedIfEmpty } from "../db/seed/demo";

export const BUILD_DIR = path.resolve("build");

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** False once standard output broke (the pipe to whatever collected the log closed). */
let logging = true;

/**
 * Log lines wait here and go out together, a few times a second: standard output to a pipe or a
 * file is written synchronously, so one line per request was one system call on every page's path.
 */
let pendingLines = "";
const LOG_FLUSH_MS = 100;
let flushTimer: ReturnType<typeof setTimeout> | undefined;

function flushLog() {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  if (logging && pendingLines) process.stdout.write(pendingLines);
  pendingLines = "";
}

function log(entry: Record<string, unknown>) {
  if (!logging) return;
  pendingLines += `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`;
  // Unref'd: a pending flush does not keep the process alive; `exit` writes what is left.
  flushTimer ??= setTimeout(flushLog, LOG_FLUSH_MS).unref();
}
process.on("exit", flushLog);

/**
 * A log that nobody reads any more must not take the server down with it: unhandled, the first
 * request logged after the pipe closes throws EPIPE, the process dies, and so do the ones that
 * replace it. The server goes on without a request log, and says so where it still can.
 */
function keepServingWithoutLog() {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (!logging) return;
    logging = false;
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), msg: "request log stopped: standard output failed", code: error.code })}\n`);
  });
}

/** The path of a request target, without its query string. */
function pathOf(target: string): string {
  const query = target.indexOf("?");
  return query === -1 ? target : target.slice(0, query);
}

/**
 * A page request: a GET or HEAD of what React Router renders as a document, not a file
 * (build/client, /assets, Leaflet's files), nor React Router's data (`.data`) or route manifest
 * requests, whose responses the compression middleware compresses. Form posts go through Express
 * too, whose request adapter ends a body the client abandons; and so does a target that is not a
 * plain path ("//host/…" or a full URL), which Express reads as the path it is.
 */
function isPageRequest(method: string | undefined, pathname: string, publicFiles: ReadonlySet<string>): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (!pathname.startsWith("/") || pathname.startsWith("//")) return false;
  return !(
    pathname.startsWith("/assets/") ||
    pathname.startsWith("/vendor/") ||
    pathname.endsWith(".data") ||
    pathname === "/__manifest" ||
    publicFiles.has(pathname)
  );
}

/** Migrates the database and seeds the demo directory when it is empty; done once, before any process serves. */
export function prepareDatabase(databasePath: string): void {
  const db = openDatabase(databasePath);
  const seeded = seedIfEmpty(db);
  if (seeded) log({ msg: "seeded demo directory", ...seeded });
  db.$client.close();
}

/** Serves the build on the port, with a prepared database (prepareDatabase). */
export async function startServer(options: { port: number; databasePath: string }): Promise<RunningServer> {
  keepServingWithoutLog();
  const db = openDatabase(options.databasePath);

  const build = (await import(pathToFileURL(path.join(BUILD_DIR, "server/index.js")).href)) as ServerBuild & {
    entry: { module: { createLoadContext(db: Db): unknown } };
  };
  const getLoadContext = () => build.entry.module.createLoadContext(db) as never;
  const mode = process.env.NODE_ENV ?? "production";

  // Files, React Router's data and manifest requests and form posts: Express, with its compression
  // middleware and static file serving (isPageRequest).
  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.use("/assets", express.static(path.join(BUILD_DIR, "client/assets"), { immutable: true, maxAge: "1y" }));
  const publicFiles = new Set(
    fs
      .readdirSync(path.join(BUILD_DIR, "client"), { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `/${entry.name}`),
  );
  // The few files at the top of build/client (public/), served by name: asking the file system
  // about every request first costs throughput.
  const servePublic = express.static(path.join(BUILD_DIR, "client"), { maxAge: "1h" });
  app.use((request, response, next) => (publicFiles.has(request.path) ? servePublic(request, response, next) : next()));
  // Leaflet as shipped, for public/place-picker.js (the React pages bundle their own copy).
  app.use("/vendor/leaflet", express.static(path.resolve("node_modules/leaflet/dist"), { maxAge: "1d" }));
  app.all("/{*splat}", createRequestHandler({ build, mode, getLoadContext }));

  // Pages go straight to React Router, with a request handler of their own. entry.server.tsx
  // compresses each one whole, so the middleware would only look on; skipping Express for them
  // leaves more of the CPU for pages (a sixth of a page's cost went to Express, its middleware and
  // its request object; +5 % pages per second, measured side by side).
  const servePage = createRequestListener({ build, mode, getLoadContext });

  const server = http.createServer((request, response) => {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Permissions-Policy", "geolocation=(self), camera=(), microphone=()");
    const started = process.hrtime.bigint();
    // Paths only: query strings can carry what a family typed, which never goes to logs.
    const pathname = pathOf(request.url ?? "/");
    response.on("finish", () =>
      log({ method: request.method, path: pathname, status: response.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
    );
    if (!isPageRequest(request.method, pathname, publicFiles)) return app(request, response);
    // The listener reads the request (its URL from the Host header) before it catches anything:
    // a Host no URL can hold, say "[", would reject here and take the process down.
    Promise.resolve(servePage(request, response)).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      response.writeHead(error instanceof TypeError ? 400 : 500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, "0.0.0.0", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.$client.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
