import { describe, expect, it } from "vitest";
import { regionAt } from "~/geo/region-at";

/** Town centres (reference coordinates, independent of the outlines) and the region each is in, if any. */
const TOWNS: Array<[string, number, number, string | null]> = [
  // Los Angeles County, on its borders too, and its islands.
  ["Long Beach", 33.77, -118.19, "us-la"],
  ["Cerritos", 33.858, -118.065, "us-la"],
  ["Hawaiian Gardens", 33.831, -118.073, "us-la"],
  ["La Mirada", 33.917, -118.012, "us-la"],
  ["Claremont", 34.097, -117.72, "us-la"],
  ["Diamond Bar", 34.029, -117.81, "us-la"],
  ["Westlake Village", 34.146, -118.805, "us-la"],
  ["Lancaster", 34.698, -118.137, "us-la"],
  ["Avalon, Santa Catalina Island", 33.343, -118.328, "us-la"],
  // Next door: Orange, San Bernardino and Ventura counties.
  ["Seal Beach", 33.741, -118.105, null],
  ["Los Alamitos", 33.803, -118.072, null],
  ["La Habra", 33.932, -117.946, null],
  ["Buena Park", 33.868, -117.998, null],
  ["Anaheim", 33.836, -117.914, null],
  ["Westminster (Little Saigon)", 33.753, -117.993, null],
  ["Montclair", 34.078, -117.69, null],
  ["Chino", 34.012, -117.689, null],
  ["Thousand Oaks", 34.171, -118.838, null],
  ["Simi Valley", 34.269, -118.781, null],
  // South Moravia, with a village the coarse outline leaves 2.5 km outside.
  ["Brno", 49.195, 16.608, "cz-jm"],
  ["Znojmo", 48.856, 16.049, "cz-jm"],
  ["Hodonín", 48.849, 17.132, "cz-jm"],
  ["Letovice", 49.547, 16.573, "cz-jm"],
  ["Nedvědice", 49.457, 16.334, "cz-jm"],
  // Next door: Olomouc, Vysočina and Zlín regions.
  ["Olomouc", 49.594, 17.251, null],
  ["Prostějov", 49.472, 17.107, null],
  ["Jihlava", 49.396, 15.591, null],
  ["Třebíč", 49.215, 15.882, null],
  ["Velká Bíteš", 49.289, 16.226, null],
  ["Kroměříž", 49.298, 17.393, null],
  ["Uherské Hradiště", 49.07, 17.46, null],
  // An Giang since the 2025 merger, Kiên Giang and Phú Quốc included.
  ["Long Xuyên", 10.386, 105.435, "vn-an-giang"],
  ["Châu Đốc", 10.706, 105.117, "vn-an-giang"],
  ["Phú Tân", 10.62, 105.3, "vn-an-giang"],
  ["Rạch Giá", 10.012, 105.081, "vn-an-giang"],
  ["Hà Tiên", 10.383, 104.488, "vn-an-giang"],
  ["Phú Quốc", 10.222, 103.96, "vn-an-giang"],
  // Next door: Cần Thơ and Đồng Tháp.
  ["Cần Thơ", 10.03, 105.78, null],
  ["Cao Lãnh", 10.46, 105.63, null],
  ["Hồng Ngự", 10.81, 105.34, null],
  // Far away.
  ["Praha", 50.08, 14.42, null],
  ["San Francisco", 37.77, -122.42, null],
];

describe("regionAt", () => {
  it("puts each town in the region whose outline holds it, and the towns next door in none", () => {
    const wrong = TOWNS.filter(([, lat, lng, region]) => regionAt(lat, lng) !== region).map(([name, lat, lng]) => `${name}: ${regionAt(lat, lng)}`);
    expect(wrong).toEqual([]);
  });

  it("has no region for what is not a point", () => {
    for (const [lat, lng] of [
      [Number.NaN, 16.6],
      [49.2, Number.POSITIVE_INFINITY],
    ]) {
      expect(regionAt(lat!, lng!)).toBeNull();
    }
  });
});
