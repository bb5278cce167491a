/**
 * Pages compressed whole, in one pass, on the spot.
 *
 * Everything else the server sends goes through the compression middleware (scripts/server.ts),
 * which compresses a stream on Node's thread pool. A page is rendered into one buffer before it is
 * sent (entry.server.tsx), and for a buffer that size the pool's round trip costs more than the
 * compressing: a 45 KB results page takes ~0.34 ms of CPU to gzip at once, ~0.75 ms through a
 * stream. On a server whose cores are all busy rendering, that is CPU taken from the next page.
 *
 * The encodings are the middleware's, the levels a notch lower (it uses brotli 4 and gzip 6), for
 * the same reason: on results pages of 30–56 KB, brotli 3 and gzip 3 take ~0.37 ms of CPU where
 * brotli 4 and gzip 6 take ~0.63 ms, for 5 % (brotli) and 8 % (gzip) more bytes: about half a
 * kilobyte on a 10 KB page, against a quarter of a millisecond of a busy server on every page.
 */
import zlib from "node:zlib";

export type DocumentEncoding = "br" | "gzip";

/** Below this a page goes as it is, as with the middleware: compressing would save next to nothing. */
const THRESHOLD_BYTES = 1024;

const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 3 } };
const GZIP = { level: 3 };

/**
 * The encoding to use for a client that sent this Accept-Encoding (RFC 9110 §12.5.3): brotli or
 * gzip, whichever it weighs more (brotli on a tie); none when it accepts neither or sent no header.
 */
export function negotiateEncoding(acceptEncoding: string | null): DocumentEncoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const entry of acceptEncoding.split(",")) {
    const [coding = "", ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    if (!coding) continue;
    const q = parameters.find((parameter) => /^q\s*=/.test(parameter));
    const weight = q === undefined ? 1 : Number(q.slice(q.indexOf("=") + 1).trim());
    // A malformed weight makes the entry unreadable: it is ignored rather than guessed at.
    if (Number.isFinite(weight) && weight >= 0 && weight <= 1) weights.set(coding, weight);
  }
  const weightOf = (coding: DocumentEncoding) => weights.get(coding) ?? weights.get("*") ?? 0;
  const [br, gzip] = [weightOf("br"), weightOf("gzip")];
  if (br > 0 && br >= gzip) return "br";
  return gzip > 0 ? "gzip" : null;
}

/** The page's body and the Content-Encoding to send it with (null: as it is). */
export function compressDocument(html: NonSharedBuffer, acceptEncoding: string | null): { body: NonSharedBuffer; encoding: DocumentEncoding | null } {
  const encoding = html.length < THRESHOLD_BYTES ? null : negotiateEncoding(acceptEncoding);
  if (encoding === "br") return { body: zlib.brotliCompressSync(html, BROTLI), encoding };
  if (encoding === "gzip") return { body: zlib.gzipSync(html, GZIP), encoding };
  return { body: html, encoding: null };
}
