/** A map to pick a spot with a click (browser only, like ServiceMap). */
import { useEffect, useRef } from "react";
import L from "leaflet";
import "leaflet/dist/leaflet.css";

interface Props {
  center: [number, number];
  tileUrl: string;
  attribution: string;
  label: string;
  onPick(lat: number, lng: number): void;
}

export default function PickerMap({ center, tileUrl, attribution, label, onPick }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, { scrollWheelZoom: false }).setView(center, 11);
    L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(map);
    let marker: L.CircleMarker | null = null;
    map.on("click", (event: L.LeafletMouseEvent) => {
      marker?.remove();
      marker = L.circleMarker(event.latlng, { radius: 10, color: "#ffffff", weight: 2, fillColor: "#a4161a", fillOpacity: 0.95 }).addTo(map);
      pick.current(event.latlng.lat, event.latlng.lng);
    });
    return () => {
      map.remove();
    };
  }, [center[0], center[1], tileUrl, attribution]);

  return <div ref={element} className="service-map picker-map" role="region" aria-label={label} />;
}
