/**
 * The results map: clustered markers (supercluster) that highlight together with the list.
 * Browser only, loaded lazily like ServiceMap.
 */
import { useEffect, useRef } from "react";
import L from "leaflet";
import Supercluster, { type ClusterProperties } from "supercluster";
import "leaflet/dist/leaflet.css";
import type { MapMarker } from "./MapView";

export interface ResultsMapProps {
  markers: Array<MapMarker & { serviceId: string }>;
  center: [number, number];
  tileUrl: string;
  attribution: string;
  label: string;
  clusterLabel(count: number): string;
  highlighted: string | null;
  onHighlight(serviceId: string | null): void;
}

const STYLE = { radius: 9, weight: 2, color: "#ffffff", fillColor: "#0b5cad", fillOpacity: 0.95 };
const HIGHLIGHT = { radius: 13, weight: 3, color: "#1b1f24", fillColor: "#ffbf47", fillOpacity: 1 };

export default function ResultsMap(props: ResultsMapProps) {
  const element = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const circles = useRef(new Map<string, L.CircleMarker[]>());
  const content = JSON.stringify([props.markers, props.center, props.tileUrl]);

  useEffect(() => {
    if (!element.current) return;
    const { markers, center, tileUrl, attribution } = latest.current;
    const map = L.map(element.current, { scrollWheelZoom: false }).setView(center, 11);
    L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(map);
    const layer = L.layerGroup().addTo(map);
    const index = new Supercluster<MapMarker & { serviceId: string }>({ radius: 48, maxZoom: 16 });
    index.load(markers.map((marker) => ({ type: "Feature", properties: marker, geometry: { type: "Point", coordinates: [marker.lng, marker.lat] } })));

    const draw = () => {
      layer.clearLayers();
      circles.current.clear();
      const bounds = map.getBounds();
      const zoom = Math.round(map.getZoom());
      for (const feature of index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom)) {
        const [lng, lat] = feature.geometry.coordinates as [number, number];
        const properties = feature.properties as ClusterProperties | (MapMarker & { serviceId: string });
        if ("cluster" in properties && properties.cluster) {
          const count = properties.point_count;
          const icon = L.divIcon({ className: "cluster-marker", html: `<span>${count}</span>`, iconSize: [40, 40] });
          const clusterMarker = L.marker([lat, lng], { icon, title: latest.current.clusterLabel(count), keyboard: true, alt: latest.current.clusterLabel(count) });
          clusterMarker.on("click", () => map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(properties.cluster_id), 18)));
          layer.addLayer(clusterMarker);
        } else {
          const marker = properties as MapMarker & { serviceId: string };
          const circle = L.circleMarker([lat, lng], marker.serviceId === latest.current.highlighted ? HIGHLIGHT : STYLE);
          const popup = document.createElement("div");
          const link = document.createElement("a");
          link.textContent = marker.label;
          if (marker.href) link.href = marker.href;
          popup.append(link);
          circle.bindPopup(popup).bindTooltip(marker.label);
          circle.on("mouseover", () => latest.current.onHighlight(marker.serviceId));
          circle.on("mouseout", () => latest.current.onHighlight(null));
          circle.on("popupopen", () => latest.current.onHighlight(marker.serviceId));
          layer.addLayer(circle);
          circles.current.set(marker.serviceId, [...(circles.current.get(marker.serviceId) ?? []), circle]);
        }
      }
    };
    if (markers.length > 0) map.fitBounds(L.latLngBounds(markers.map((marker) => [marker.lat, marker.lng])), { padding: [24, 24], maxZoom: 14 });
    map.on("moveend", draw);
    draw();
    return () => {
      map.remove();
    };
  }, [content]);

  // Highlighting only restyles: no redraw, no new clusters.
  useEffect(() => {
    for (const [serviceId, list] of circles.current) {
      for (const circle of list) {
        circle.setStyle(serviceId === props.highlighted ? HIGHLIGHT : STYLE);
        if (serviceId === props.highlighted) circle.bringToFront();
      }
    }
  }, [props.highlighted]);

  return <div ref={element} className="service-map results-map-canvas" role="region" aria-label={props.label} data-markers={props.markers.length} />;
}
