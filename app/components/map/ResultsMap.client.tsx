/**
 * The results map: clustered markers (supercluster) that highlight together with the list.
 * Browser only, loaded lazily like ServiceMap.
 */
import { useEffect, useRef } from "react";
import L from "leaflet";
import Supercluster, { type ClusterProperties } from "supercluster";
import { useT } from "~/i18n/use-t";
import { MARKER_STYLE, MAX_ZOOM, createMap, nameMarker, popupContent, popupOptions } from "./create-map";
import type { MapMarker } from "./MapView";

type ResultMarker = MapMarker & { serviceId: string };

export interface ResultsMapProps {
  markers: ResultMarker[];
  center: [number, number];
  tileUrl: string;
  attribution: string;
  label: string;
  clusterLabel(count: number): string;
  highlighted: string | null;
  onHighlight(serviceId: string | null): void;
}

const HIGHLIGHT = { radius: 14, weight: 3, color: "#1b1f24", fillColor: "#ffbf47", fillOpacity: 1 };

/** What the map shows: per cluster or point (by a key that stays while it does), its layer. */
interface Shown {
  layer: L.Layer;
  /** A single point's service, whose marker the list highlights. */
  serviceId?: string;
  /** A cluster's services: it is highlighted for any of them, as their own markers are inside it. */
  serviceIds?: ReadonlySet<string>;
}

/** Highlighted or not, as the list says: a point by its style, a cluster by its class. */
function showHighlight(shown: Shown, highlighted: string | null) {
  if (shown.serviceIds) {
    (shown.layer as L.Marker).getElement()?.classList.toggle("highlighted", highlighted !== null && shown.serviceIds.has(highlighted));
  } else if (shown.serviceId && shown.layer instanceof L.CircleMarker) {
    shown.layer.setStyle(shown.serviceId === highlighted ? HIGHLIGHT : MARKER_STYLE);
    if (shown.serviceId === highlighted) shown.layer.bringToFront();
  }
}

export default function ResultsMap(props: ResultsMapProps) {
  const t = useT("common");
  const element = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const shown = useRef(new Map<string, Shown>());
  const content = JSON.stringify([props.markers, props.center, props.tileUrl]);

  useEffect(() => {
    if (!element.current) return;
    const { markers, center, tileUrl, attribution } = latest.current;
    const map = createMap(element.current, { tileUrl, attribution }, t).setView(center, 11);
    const layer = L.layerGroup().addTo(map);
    // Clustered up to the deepest zoom: services at one address stay one cluster, which lists them.
    const index = new Supercluster<ResultMarker>({ radius: 48, maxZoom: MAX_ZOOM });
    index.load(markers.map((marker) => ({ type: "Feature", properties: marker, geometry: { type: "Point", coordinates: [marker.lng, marker.lat] } })));
    const current = shown.current;
    let drawnAtZoom: number | null = null;

    const clusterLayer = (lat: number, lng: number, cluster: ClusterProperties): L.Layer => {
      const count = cluster.point_count;
      // A cluster that no zoom splits (services at one address) lists its services instead.
      const together = index.getClusterExpansionZoom(cluster.cluster_id) > MAX_ZOOM;
      const title = together ? t("map.samePlace", { count }) : latest.current.clusterLabel(count);
      const icon = L.divIcon({ className: "cluster-marker", html: `<span>${count}</span>`, iconSize: [44, 44] });
      const marker = L.marker([lat, lng], { icon, title, keyboard: true, alt: title });
      if (together) {
        const leaves = index.getLeaves(cluster.cluster_id, Infinity).map((leaf) => leaf.properties);
        // A service with two sites here is named once.
        marker.bindPopup(popupContent(leaves.filter((leaf, n) => leaves.findIndex((other) => other.serviceId === leaf.serviceId) === n)), popupOptions(map));
      } else {
        marker.on("click", () => map.setView([lat, lng], index.getClusterExpansionZoom(cluster.cluster_id)));
      }
      return marker;
    };

    const pointLayer = (lat: number, lng: number, marker: ResultMarker): L.Layer => {
      const circle = nameMarker(L.circleMarker([lat, lng], MARKER_STYLE), marker.label);
      circle.bindPopup(popupContent([marker]), popupOptions(map)).bindTooltip(marker.label);
      circle.on("mouseover", () => latest.current.onHighlight(marker.serviceId));
      // An open popup keeps its service's card highlighted, though the pan that fits it moves the marker from under the pointer.
      circle.on("mouseout", () => circle.isPopupOpen() || latest.current.onHighlight(null));
      circle.on("popupopen", () => latest.current.onHighlight(marker.serviceId));
      circle.on("popupclose", () => latest.current.highlighted === marker.serviceId && latest.current.onHighlight(null));
      return circle;
    };

    // Only what changed is redrawn: a marker that stays keeps its layer, and with it an open popup
    // (opening one pans the map to fit it, which used to redraw everything and close it at once).
    const draw = () => {
      const zoom = Math.round(map.getZoom());
      // A margin beyond the edges: a short pan draws nothing new.
      const bounds = map.getBounds().pad(0.5);
      const wanted = new Set<string>();
      for (const feature of index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom)) {
        const [lng, lat] = feature.geometry.coordinates as [number, number];
        const properties = feature.properties as ClusterProperties | ResultMarker;
        const key = "cluster" in properties && properties.cluster ? `cluster:${properties.cluster_id}` : `point:${(properties as ResultMarker).id}`;
        wanted.add(key);
        if (current.has(key)) continue;
        if ("cluster" in properties && properties.cluster) {
          const serviceIds = new Set(index.getLeaves(properties.cluster_id, Infinity).map((leaf) => leaf.properties.serviceId));
          current.set(key, { layer: clusterLayer(lat, lng, properties), serviceIds });
        } else {
          current.set(key, { layer: pointLayer(lat, lng, properties as ResultMarker), serviceId: (properties as ResultMarker).serviceId });
        }
        layer.addLayer(current.get(key)!.layer);
        showHighlight(current.get(key)!, latest.current.highlighted);
      }
      for (const [key, { layer: gone }] of current) {
        if (wanted.has(key)) continue;
        // At the same zoom, a marker panned out of reach keeps its open popup.
        if (zoom === drawnAtZoom && gone.isPopupOpen()) continue;
        layer.removeLayer(gone);
        current.delete(key);
      }
      drawnAtZoom = zoom;
    };
    if (markers.length > 0) map.fitBounds(L.latLngBounds(markers.map((marker) => [marker.lat, marker.lng])), { padding: [24, 24], maxZoom: 14 });
    map.on("moveend", draw);
    draw();
    return () => {
      current.clear();
      map.remove();
    };
    // `content` stands for the markers and tiles; the words never change.
  }, [content]);

  // Highlighting only restyles: no redraw, no new clusters.
  useEffect(() => {
    for (const entry of shown.current.values()) showHighlight(entry, props.highlighted);
  }, [props.highlighted]);

  return <div ref={element} className="service-map results-map-canvas" role="region" aria-label={props.label} data-markers={props.markers.length} />;
}
