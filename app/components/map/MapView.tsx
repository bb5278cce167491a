import { Suspense, lazy, useEffect, useState } from "react";
import { useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "~/root";

export interface MapMarker {
  id: string;
  lat: number;
  lng: number;
  label: string;
  detail?: string;
  href?: string;
}

export interface MapSettings {
  tileUrl: string;
  attribution: string;
  center: [number, number];
}

const ServiceMap = lazy(() => import("./ServiceMap.client"));

/**
 * A map beside a list that already says everything: without JavaScript nothing is shown; with it,
 * the Leaflet code is fetched only now, on pages that have a map.
 */
export function MapView({ markers, label, center }: { markers: MapMarker[]; label: string; center: [number, number] }) {
  const config = useRouteLoaderData<typeof rootLoader>("root")?.config;
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated || !config) return null;
  return (
    <Suspense fallback={<div className="service-map service-map-loading" aria-hidden="true" />}>
      <ServiceMap markers={markers} label={label} settings={{ tileUrl: config.map.tileUrl, attribution: config.map.attribution, center }} />
    </Suspense>
  );
}
