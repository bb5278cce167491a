import KDBush from "kdbush";
import { describe, expect, it } from "vitest";
import { distanceKm, type LatLng } from "~/geo/distance";
import { NearestPoints } from "~/geo/nearest";

/** A small deterministic generator, so a failure can be replayed. */
function randomness(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Points in clusters around the three regions' towns, one across the antimeridian, and a few anywhere. */
function scatteredPoints(count: number, seed: number): LatLng[] {
  const random = randomness(seed);
  const centres: LatLng[] = [
    { lat: 49.19, lng: 16.61 },
    { lat: 34.05, lng: -118.24 },
    { lat: 10.38, lng: 105.43 },
    { lat: -17.7, lng: 179.9 },
  ];
  return Array.from({ length: count }, (_, n) => {
    if (n % 10 === 9) return { lat: random() * 170 - 85, lng: random() * 360 - 180 };
    const centre = centres[n % centres.length]!;
    const lng = centre.lng + (random() - 0.5) * 0.8;
    return { lat: centre.lat + (random() - 0.5) * 0.6, lng: lng > 180 ? lng - 360 : lng };
  });
}

function treeOf(points: LatLng[], nodeSize = 16): KDBush {
  const tree = new KDBush(points.length, nodeSize);
  for (const point of points) tree.add(point.lng, point.lat);
  tree.finish();
  return tree;
}

/** Takes everything the search gives: [id, km] in order. */
function drain(search: NearestPoints): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (;;) {
    const km = search.peekKm();
    expect(search.peekKm()).toBe(km); // looking does not take
    const id = search.next();
    if (id < 0) {
      expect(km).toBe(Number.POSITIVE_INFINITY);
      return out;
    }
    out.push([id, km]);
  }
}

/** What a search must give: every accepted point within reach, by distance. */
function bruteForce(points: LatLng[], from: LatLng, reachKm: number, accept: (id: number) => boolean = () => true) {
  return points
    .map((point, id) => [id, distanceKm(from, point)] as [number, number])
    .filter(([id, km]) => km <= reachKm && accept(id))
    .sort((a, b) => a[1] - b[1]);
}

function expectSameOrder(actual: Array<[number, number]>, expected: Array<[number, number]>) {
  // Ties may come in either order: compare the distances in order, and the points as sets.
  expect(actual.map(([, km]) => km)).toEqual(expected.map(([, km]) => km));
  expect(new Set(actual.map(([id]) => id))).toEqual(new Set(expected.map(([id]) => id)));
}

const QUERIES: Array<LatLng & { reachKm: number }> = [
  { lat: 49.2, lng: 16.6, reachKm: 25 },
  { lat: 34.0, lng: -118.3, reachKm: 10 },
  { lat: 10.4, lng: 105.4, reachKm: 100 },
  { lat: -17.7, lng: -179.95, reachKm: 40 },
  { lat: 0, lng: 0, reachKm: 3000 },
  { lat: 89.9, lng: 45, reachKm: 20_000 },
];

describe("NearestPoints", () => {
  const points = scatteredPoints(3000, 7);
  const tree = treeOf(points);

  it.each(QUERIES)("gives every point within reach, nearest first, with its distance ($lat, $lng, $reachKm km)", (query) => {
    const taken = drain(new NearestPoints(tree, query.lat, query.lng, query.reachKm));
    expectSameOrder(taken, bruteForce(points, query, query.reachKm));
    for (const [id, km] of taken) expect(km).toBe(distanceKm(query, points[id]!));
  });

  it("crosses the antimeridian: the nearest points may lie on the other side of it", () => {
    const taken = drain(new NearestPoints(tree, -17.7, -179.99, 5));
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.some(([id]) => points[id]!.lng > 0)).toBe(true);
    expectSameOrder(taken, bruteForce(points, { lat: -17.7, lng: -179.99 }, 5));
  });

  it("gives only the points it is allowed to, and tests no point beyond its reach", () => {
    const accept = (id: number) => id % 3 !== 0;
    const asked: number[] = [];
    const from = { lat: 49.2, lng: 16.6 };
    const taken = drain(new NearestPoints(tree, from.lat, from.lng, 20, (id) => (asked.push(id), accept(id))));
    expectSameOrder(taken, bruteForce(points, from, 20, accept));
    for (const id of asked) expect(distanceKm(from, points[id]!)).toBeLessThanOrEqual(20.001);
  });

  it("resumes where it stopped, and a reach cut short is kept to from then on", () => {
    const from = { lat: 10.4, lng: 105.4 };
    const search = new NearestPoints(tree, from.lat, from.lng, 100);
    const expected = bruteForce(points, from, 100);
    const first = [0, 1, 2, 3, 4].map(() => {
      const km = search.peekKm();
      return [search.next(), km] as [number, number];
    });
    expectSameOrder(first, expected.slice(0, 5));
    const cutKm = expected[40]![1];
    search.limitTo(cutKm);
    search.limitTo(1_000); // a reach never grows back
    expectSameOrder(drain(search), expected.slice(5).filter(([, km]) => km <= cutKm));
  });

  it("gives nothing with no reach, from an empty tree, or far from every point", () => {
    expect(drain(new NearestPoints(tree, 49.2, 16.6, -1))).toEqual([]);
    expect(drain(new NearestPoints(treeOf([]), 49.2, 16.6, 100))).toEqual([]);
    const brno = treeOf(scatteredPoints(400, 3).filter((point) => Math.abs(point.lat - 49.2) < 1 && Math.abs(point.lng - 16.6) < 1));
    expect(drain(new NearestPoints(brno, 34.05, -118.24, 25))).toEqual([]);
  });

  it("is exact with any leaf size", () => {
    const few = scatteredPoints(500, 11);
    for (const nodeSize of [2, 5, 64]) {
      const query = { lat: 34.05, lng: -118.24 };
      expectSameOrder(drain(new NearestPoints(treeOf(few, nodeSize), query.lat, query.lng, 50)), bruteForce(few, query, 50));
    }
  });
});
