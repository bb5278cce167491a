/**
 * The Leaflet map. Browser only (Leaflet touches `window` when imported): loaded by <MapView> after
 * the page has hydrated, together with Leaflet's stylesheet, so pages without a map never load either.
 */
import { useEffect, useRef } from "react";
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import type { MapMarker, MapSettings } from "./MapView";

export default function ServiceMap({ markers, settings, label }: { markers: MapMarker[]; settings: MapSettings; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  // Parents rebuild the marker list on every render; redraw only when its content changes.
  const content = JSON.stringify([markers, settings]);

  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, { scrollWheelZoom: false });
    L.tileLayer(settings.tileUrl, { attribution: settings.attribution, maxZoom: 19 }).addTo(map);
    const layer = L.featureGroup().addTo(map);
    for (const marker of markers) {
      const circle = L.circleMarker([marker.lat, marker.lng], {
        radius: 9,
        weight: 2,
        color: "#ffffff",
        fillColor: "#0b5cad",
        fillOpacity: 0.95,
      });
      const popup = document.createElement("div");
      const link = document.createElement(marker.href ? "a" : "span");
      link.textContent = marker.label;
      if (marker.href && link instanceof HTMLAnchorElement) link.href = marker.href;
      popup.append(link);
      if (marker.detail) popup.append(document.createElement("br"), marker.detail);
      circle.bindPopup(popup).bindTooltip(marker.label);
      layer.addLayer(circle);
    }
    if (markers.length > 0) map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 15 });
    else map.setView(settings.center, 10);
    return () => {
      map.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `content` stands for markers and settings
  }, [content]);

  return <div ref={element} className="service-map" role="region" aria-label={label} data-markers={markers.length} />;
}
