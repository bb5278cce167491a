import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { RouterContextProvider, ServerRouter, type EntryContext } from "react-router";
import { dbContext, type Db } from "~/db.server";
import { compressDocument } from "~/http/compression.server";
import { requestLanguage } from "~/i18n/locale.server";
import { serverI18n } from "~/i18n/resources.server";

export const streamTimeout = 5_000;

/**
 * The router context for one request. Exported so the server (scripts/start.ts) fills it with the
 * very `dbContext` key the routes read — a key from another copy of the module would not match.
 */
export function createLoadContext(db: Db): RouterContextProvider {
  const context = new RouterContextProvider();
  context.set(dbContext, db);
  return context;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
) {
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  return new Promise<Response>((resolve, reject) => {
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);
    // The page's words: the language the root loader decides by the same rule (entry.client.tsx loads the same).
    const words = serverI18n(requestLanguage({ request, url: new URL(request.url) }));
    const document = (
      <I18nextProvider i18n={words}>
        <ServerRouter context={routerContext} url={request.url} />
      </I18nextProvider>
    );
    const { pipe, abort } = renderToPipeableStream(document, {
      onAllReady() {
        // Pages wait for all their data: the whole document arrives at once and works without
        // JavaScript. So it goes out as one buffer, compressed here in one pass (see
        // compression.server.ts), rather than as React's many small chunks compressed one by one.
        const chunks: Buffer[] = [];
        const body = new Writable({
          write(chunk: Buffer | string, _encoding, callback) {
            chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
            callback();
          },
          final(callback) {
            clearTimeout(timeoutId);
            timeoutId = undefined;
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            const { body, encoding } = compressDocument(Buffer.concat(chunks), request.headers.get("accept-encoding"));
            // The middleware leaves alone what is already encoded.
            if (encoding) responseHeaders.set("Content-Encoding", encoding);
            responseHeaders.append("Vary", "Accept-Encoding");
            responseHeaders.set("Content-Length", String(body.length));
            resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
            callback();
          },
        });
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        console.error(error);
      },
    });
  });
}
