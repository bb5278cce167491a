/**
 * Which region a point is in, by the regions' outlines (region-shapes.json, built by
 * scripts/build-region-shapes.ts): a family in Olomouc or Anaheim lives beyond the areas served,
 * though inside a box around one.
 */
import { REGION_CODES, type RegionCode } from "~/regions";
import shapesJson from "./region-shapes.json";

/** Per region, its outer rings as [longitude, latitude] pairs (several: islands, a merged province). */
export type RegionShapes = Record<RegionCode, Array<Array<[number, number]>>>;

/**
 * How far beyond its outline a point still counts as in a region: about how far off the outline may
 * be. Turning away a family that lives in a region is worse than serving one on the wrong side of
 * its border, so the margin errs wide. Los Angeles County's outline follows the Census Bureau's to
 * within 100 m, and the towns of Orange County begin a kilometre beyond it. The other two come from
 * 1:10 000 000 maps, up to about 2.5 km off (Nedvědice, in South Moravia, lies that far outside);
 * the nearest towns of the regions next door (Velká Bíteš, Olomouc) lie further.
 */
export const EDGE_TOLERANCE_KM: Record<RegionCode, number> = { "us-la": 0.2, "vn-an-giang": 3, "cz-jm": 3 };

const KM_PER_DEGREE_LAT = 110.57;
const KM_PER_DEGREE_LNG_AT_EQUATOR = 111.32;

interface Outline {
  region: RegionCode;
  rings: Array<Array<[number, number]>>;
  toleranceKm: number;
  /** [south, west, north, east], widened by the tolerance: nothing beyond it can be in the region. */
  box: [number, number, number, number];
}

/** Worked out on first use: modules that import this one for the browser, without calling it, then leave the outlines out of their bundle. */
let outlines: Outline[] | null = null;

const outline = (region: RegionCode): Outline => {
  const rings = (shapesJson as unknown as RegionShapes)[region];
  const points = rings.flat();
  const lats = points.map(([, lat]) => lat);
  const lngs = points.map(([lng]) => lng);
  const toleranceKm = EDGE_TOLERANCE_KM[region];
  const margin = toleranceKm / KM_PER_DEGREE_LAT;
  const south = Math.min(...lats) - margin;
  const north = Math.max(...lats) + margin;
  // A degree of longitude is shortest at the box's edge furthest from the equator.
  const widest = Math.max(Math.abs(south), Math.abs(north));
  const lngMargin = toleranceKm / (KM_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((widest * Math.PI) / 180));
  return { region, rings, toleranceKm, box: [south, Math.min(...lngs) - lngMargin, north, Math.max(...lngs) + lngMargin] };
};

/** The region the point lies in (or within its EDGE_TOLERANCE_KM of), or null; the regions are far apart. */
export function regionAt(lat: number, lng: number): RegionCode | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  outlines ??= REGION_CODES.map(outline);
  for (const { region, rings, toleranceKm, box } of outlines) {
    const [south, west, north, east] = box;
    if (lat < south || lat > north || lng < west || lng > east) continue;
    if (rings.some((ring) => ringContains(ring, lng, lat)) || rings.some((ring) => kmToRing(ring, lng, lat) <= toleranceKm)) return region;
  }
  return null;
}

/** Even-odd ray casting: whether the ring encloses the point. */
function ringContains(ring: Array<[number, number]>, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The distance in km from the point to the ring's line, on a flat map around the point (a few km is all that is asked). */
function kmToRing(ring: Array<[number, number]>, lng: number, lat: number): number {
  const kmPerLng = KM_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((lat * Math.PI) / 180);
  let nearest = Number.POSITIVE_INFINITY;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const ax = (ring[j]![0] - lng) * kmPerLng;
    const ay = (ring[j]![1] - lat) * KM_PER_DEGREE_LAT;
    const bx = (ring[i]![0] - lng) * kmPerLng;
    const by = (ring[i]![1] - lat) * KM_PER_DEGREE_LAT;
    const dx = bx - ax;
    const dy = by - ay;
    const along = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
    nearest = Math.min(nearest, Math.hypot(ax + along * dx, ay + along * dy));
  }
  return nearest;
}
