/**
 * `npm run bench`: in-process timings on the demo directory and on a synthetic directory of
 * 100 000 services (cached under data/bench/ between runs). Prints p50/p95 per kind of query.
 */
import type { Db } from "../app/db.server";
import { EMPTY_SEARCH, type SearchQuery } from "../app/directory/search-query";
import { searchServices } from "../app/directory/search.server";
import { seedDemoDirectory } from "../db/seed/demo";
import { freshDatabase, syntheticDatabase } from "./bench/databases";
import { ms, time } from "./bench/stats";

const QUERIES: Record<string, Array<Partial<SearchQuery>>> = {
  "browse (no words)": [{}, { page: 3 }, { needs: ["food"] }],
  "words, rare": [{ text: "poradna" }, { text: "tu van" }, { text: "đăng ký" }, { text: "early learning" }],
  "words, common": [{ text: "family" }, { text: "gia đình" }, { text: "rodina" }, { text: "help" }],
  "words + filters": [
    { text: "support", needs: ["parenting", "fathers"], freeOnly: true },
    { text: "tu van", spokenLanguage: "vi", age: 3 },
    { text: "pomoc", openNow: true },
  ],
  "place (25 km)": [{ place: "Long Beach" }, { place: "Brno" }, { place: "Long Xuyên" }, { place: "90805" }],
  "place + words + filters": [
    { place: "Brno", text: "poradna", freeOnly: true },
    { place: "Pomona", needs: ["food", "housing"], openNow: true },
    { place: "Châu Đốc", text: "tu van", age: 2 },
  ],
  "hostile input": [{ text: '"' }, { text: "AND(" }, { text: "x".repeat(200) }],
};

function benchSearch(label: string, db: Db, rounds: number) {
  const now = new Date("2026-11-23T16:30:00Z");
  console.log(`\nSearch — ${label}`);
  const all: Array<Partial<SearchQuery>> = [];
  for (const [kind, queries] of Object.entries(QUERIES)) {
    all.push(...queries);
    const result = time(queries, rounds, (query) => searchServices(db, { ...EMPTY_SEARCH, ...query }, "vi", now));
    console.log(`  ${kind.padEnd(26)} p50 ${ms(result.p50).padStart(9)}   p95 ${ms(result.p95).padStart(9)}   max ${ms(result.max).padStart(9)}   (${result.runs} runs)`);
  }
  const overall = time(all, rounds, (query) => searchServices(db, { ...EMPTY_SEARCH, ...query }, "vi", now));
  console.log(`  ${"ALL".padEnd(26)} p50 ${ms(overall.p50).padStart(9)}   p95 ${ms(overall.p95).padStart(9)}   max ${ms(overall.max).padStart(9)}   (${overall.runs} runs)`);
}

const demo = freshDatabase("demo.sqlite");
seedDemoDirectory(demo);
benchSearch("demo directory", demo, 50);
demo.$client.close();

const big = syntheticDatabase(100_000);
benchSearch("100 000 synthetic services", big, 10);
big.$client.close();
