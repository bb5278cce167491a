/**
 * A Leaflet map with its tiles, whose controls speak the page's language. Browser only, like the
 * maps that use it.
 */
import L from "leaflet";
import type { TFunction } from "i18next";
import "leaflet/dist/leaflet.css";
import "./map.css";
import type { MapMarker } from "./MapView";

/** The deepest zoom: OpenStreetMap's tiles go no further. */
export const MAX_ZOOM = 19;

/** A service's circle on every map. */
/** 24 px across: the least a pointer target may be (WCAG 2.2, 2.5.8). */
export const MARKER_STYLE: L.CircleMarkerOptions = { radius: 12, weight: 2, color: "#ffffff", fillColor: "#0b5cad", fillOpacity: 0.95 };

/**
 * Leaflet's own words are English ("Zoom in", "Close popup"): ours replace them. Its attribution
 * prefix (a link to leafletjs.com, titled in English) is optional and left out; the tiles'
 * attribution, which their licence requires, stays.
 */
export function createMap(element: HTMLElement, tiles: { tileUrl: string; attribution: string }, t: TFunction): L.Map {
  const map = L.map(element, { scrollWheelZoom: false, zoomControl: false, maxZoom: MAX_ZOOM });
  L.control.zoom({ zoomInTitle: t("common:map.zoomIn"), zoomOutTitle: t("common:map.zoomOut") }).addTo(map);
  map.attributionControl.setPrefix(false);
  L.tileLayer(tiles.tileUrl, { attribution: tiles.attribution, maxZoom: MAX_ZOOM }).addTo(map);
  // Leaflet closes a popup on Escape only while the map itself has focus. A keyboard user opens one
  // from a marker and may move into it: Escape closes it from there too, and focus goes back to
  // the marker it came from rather than to the page's start.
  let opener: HTMLElement | null = null;
  map.on("popupopen", (event) => {
    event.popup.getElement()?.querySelector(".leaflet-popup-close-button")?.setAttribute("aria-label", t("common:map.closePopup"));
    opener = document.activeElement instanceof HTMLElement && element.contains(document.activeElement) ? document.activeElement : null;
  });
  element.addEventListener("keydown", (event) => {
    const popup = element.querySelector(".leaflet-popup");
    if (event.key !== "Escape" || !popup) return;
    const focusWasInPopup = popup.contains(document.activeElement);
    map.closePopup();
    if (focusWasInPopup && opener?.isConnected) opener.focus();
  });
  return map;
}

/**
 * A service's circle is reached with Tab (Leaflet makes a layer with a tooltip focusable, and Enter
 * on it opens its popup): it says which service it is, as a button, rather than nothing at all.
 */
export function nameMarker(circle: L.CircleMarker, name: string): L.CircleMarker {
  return circle.on("add", () => {
    const element = circle.getElement();
    element?.setAttribute("role", "button");
    element?.setAttribute("aria-label", name);
  });
}

/**
 * A popup that fits beside the zoom buttons (44 px, 10 px from the edge: opening a popup pans the
 * map to keep it clear of them) and inside a phone-wide map.
 */
export function popupOptions(map: L.Map): L.PopupOptions {
  // The map's width less the pan padding (64 px left, 10 right) and the popup's own margins (20 px
  // left, 44 right for the close button) and shadow.
  const room = map.getSize().x - 64 - 10 - 70;
  return { maxWidth: Math.max(160, Math.min(300, room)), autoPanPaddingTopLeft: L.point(64, 10), autoPanPaddingBottomRight: L.point(10, 10) };
}

/**
 * A popup's words: a service (its name, a link to its page when it has one, and a detail such as
 * the site's name), or a list of those that share one spot, which no zoom would tell apart.
 */
export function popupContent(services: MapMarker[]): HTMLElement {
  const entry = (into: HTMLElement, service: MapMarker) => {
    const link = document.createElement(service.href ? "a" : "span");
    link.textContent = service.label;
    if (service.href && link instanceof HTMLAnchorElement) link.href = service.href;
    into.append(link);
    if (service.detail) into.append(document.createElement("br"), service.detail);
  };
  if (services.length === 1) {
    const popup = document.createElement("div");
    entry(popup, services[0]!);
    return popup;
  }
  const list = document.createElement("ul");
  list.className = "map-popup-list";
  for (const service of services) {
    const item = document.createElement("li");
    entry(item, service);
    list.append(item);
  }
  return list;
}
