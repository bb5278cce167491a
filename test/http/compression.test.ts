import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressDocument, negotiateEncoding } from "~/http/compression.server";

describe("negotiateEncoding", () => {
  it.each([
    // What browsers send: brotli, though gzip comes first.
    ["gzip, deflate, br, zstd", "br"],
    ["gzip, deflate", "gzip"],
    ["GZIP", "gzip"],
    ["br;q=0.5, gzip;q=0.8", "gzip"],
    ["br;q=0.8, gzip;q=0.8", "br"],
    ["gzip;q=0, *", "br"],
    ["br;q=0, *;q=0.3", "gzip"],
    ["*", "br"],
    ["identity", null],
    ["br;q=0, gzip;q=0", null],
    ["*;q=0", null],
    ["", null],
    [null, null],
    // Unreadable weights are ignored, not guessed at.
    ["br;q=high, gzip", "gzip"],
    ["br;q=2, gzip", "gzip"],
    [" , ;q=1, gzip ; q = 0.5 ", "gzip"],
  ])("%j → %s", (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe("compressDocument", () => {
  const html = Buffer.from(`<!DOCTYPE html><html lang="vi"><body>${"<p>Tìm hỗ trợ gần bạn</p>".repeat(200)}</body></html>`);

  it("compresses a page whole in the encoding the client prefers, and it comes back as it was", () => {
    const br = compressDocument(html, "gzip, deflate, br, zstd");
    expect(br.encoding).toBe("br");
    expect(br.body.length).toBeLessThan(html.length / 4);
    expect(zlib.brotliDecompressSync(br.body).equals(html)).toBe(true);
    const gzip = compressDocument(html, "gzip");
    expect(gzip.encoding).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).equals(html)).toBe(true);
  });

  it("sends a page as it is to a client that accepts no compression, and a page too small to gain", () => {
    expect(compressDocument(html, null)).toEqual({ body: html, encoding: null });
    const tiny = Buffer.from("<!DOCTYPE html><p>ok</p>");
    expect(compressDocument(tiny, "br")).toEqual({ body: tiny, encoding: null });
  });
});
