/** Great-circle distance and bounding boxes on a spherical Earth: accurate to well under 1 % at city scale. */

const EARTH_RADIUS_KM = 6371.0088;
export const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

export interface LatLng {
  lat: number;
  lng: number;
}

export function distanceKm(a: LatLng, b: LatLng): number {
  return kmOfHaversine(haversine(a.lat, Math.cos(toRadians(a.lat)), b.lat, b.lng - a.lng));
}

/**
 * The haversine of the angle between two points, which grows with their distance: comparing it
 * spares the square root and arc sine. From the first point's latitude and its cosine (kept by
 * callers that measure from one place many times), the second's latitude, and the longitudes' difference.
 */
export function haversine(fromLat: number, cosFromLat: number, toLat: number, lngDifference: number): number {
  return Math.sin(toRadians(toLat - fromLat) / 2) ** 2 + cosFromLat * Math.cos(toRadians(toLat)) * Math.sin(toRadians(lngDifference) / 2) ** 2;
}

export function kmOfHaversine(h: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The haversine of a distance: points at most `km` away have at most this (kmOfHaversine's inverse). */
export function haversineOfKm(km: number): number {
  return km < 0 ? -1 : Math.sin(Math.min(km / (2 * EARTH_RADIUS_KM), Math.PI / 2)) ** 2;
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
