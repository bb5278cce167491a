import { describe, expect, it } from "vitest";
import { boundingBox, boxContains, distanceKm, isValidLatLng } from "~/geo/distance";

describe("distanceKm", () => {
  it("measures known distances", () => {
    // Brno – Znojmo ≈ 56 km; Long Xuyên – Châu Đốc ≈ 53 km; Downtown LA – Long Beach ≈ 32 km (straight lines).
    expect(distanceKm({ lat: 49.1951, lng: 16.6068 }, { lat: 48.8555, lng: 16.0488 })).toBeCloseTo(56, -0.5);
    expect(distanceKm({ lat: 10.3866, lng: 105.4352 }, { lat: 10.7009, lng: 105.1167 })).toBeCloseTo(49.3, -0.5);
    expect(distanceKm({ lat: 34.0522, lng: -118.2437 }, { lat: 33.7701, lng: -118.1937 })).toBeCloseTo(31.7, -0.5);
    expect(distanceKm({ lat: 1, lng: 1 }, { lat: 1, lng: 1 })).toBe(0);
  });
});

describe("boundingBox", () => {
  it("contains every point of the circle", () => {
    const center = { lat: 49.2, lng: 16.6 };
    const box = boundingBox(center, 10);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const rad = (bearing * Math.PI) / 180;
      const point = { lat: center.lat + (9.9 / 111.2) * Math.cos(rad), lng: center.lng + ((9.9 / 111.2) * Math.sin(rad)) / Math.cos((center.lat * Math.PI) / 180) };
      expect(distanceKm(center, point)).toBeLessThan(10);
      expect(boxContains(box, point)).toBe(true);
    }
    expect(boxContains(box, { lat: 49.4, lng: 16.6 })).toBe(false);
  });
});

describe("isValidLatLng", () => {
  it("accepts coordinates and rejects nonsense", () => {
    expect(isValidLatLng(10.4, 105.4)).toBe(true);
    expect(isValidLatLng(91, 0)).toBe(false);
    expect(isValidLatLng(Number.NaN, 0)).toBe(false);
    expect(isValidLatLng(0, 181)).toBe(false);
  });
});
