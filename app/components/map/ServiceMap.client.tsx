/**
 * The Leaflet map. Browser only (Leaflet touches `window` when imported): loaded by <MapView> after
 * the page has hydrated, together with Leaflet's stylesheet, so pages without a map never load either.
 */
import { useEffect, useRef } from "react";
import L from "leaflet";
import { useT } from "~/i18n/use-t";
import { MARKER_STYLE, createMap, nameMarker, popupContent, popupOptions } from "./create-map";
import type { MapMarker, MapSettings } from "./MapView";

export default function ServiceMap({ markers, settings, label }: { markers: MapMarker[]; settings: MapSettings; label: string }) {
  const t = useT("common");
  const element = useRef<HTMLDivElement>(null);
  // Parents rebuild the marker list on every render; redraw only when its content changes.
  const content = JSON.stringify([markers, settings]);

  useEffect(() => {
    if (!element.current) return;
    const map = createMap(element.current, settings, t);
    const layer = L.featureGroup().addTo(map);
    // Markers at one spot lie on top of each other, and a tap finds only the top one: each one's
    // popup names them all.
    const spotOf = (marker: MapMarker) => `${marker.lat},${marker.lng}`;
    const atSpot = new Map<string, MapMarker[]>();
    for (const marker of markers) {
      const spot = atSpot.get(spotOf(marker));
      if (spot) spot.push(marker);
      else atSpot.set(spotOf(marker), [marker]);
    }
    for (const marker of markers) {
      const circle = L.circleMarker([marker.lat, marker.lng], MARKER_STYLE);
      circle.bindPopup(popupContent(atSpot.get(spotOf(marker))!), popupOptions(map)).bindTooltip(marker.label);
      layer.addLayer(nameMarker(circle, marker.label));
    }
    if (markers.length > 0) map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 15 });
    else map.setView(settings.center, 10);
    return () => {
      map.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `content` stands for markers and settings; the words never change
  }, [content]);

  return <div ref={element} className="service-map" role="region" aria-label={label} data-markers={markers.length} />;
}
