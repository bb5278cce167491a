/** Great-circle distance and bounding boxes on a spherical Earth: accurate to well under 1 % at city scale. */

const EARTH_RADIUS_KM = 6371.0088;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

export interface LatLng {
  lat: number;
  lng: number;
}

export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box [south, west, north, east] that contains every point within `radiusKm` of `center`. */
export function boundingBox(center: LatLng, radiusKm: number): [number, number, number, number] {
  const dLat = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
  const dLng = dLat / Math.max(Math.cos(toRadians(center.lat)), 0.01);
  return [center.lat - dLat, center.lng - dLng, center.lat + dLat, center.lng + dLng];
}

export function boxContains(box: readonly [number, number, number, number], point: LatLng): boolean {
  const [south, west, north, east] = box;
  return point.lat >= south && point.lat <= north && point.lng >= west && point.lng <= east;
}

export function isValidLatLng(lat: number, lng: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
}
