import { Suspense, lazy, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "~/root";

const PickerMap = lazy(() => import("./map/PickerMap.client"));

/**
 * With JavaScript: "use my location" and a click on the map, both filling the form's hidden lat/lng
 * fields (rounded on the server). Without JavaScript nothing is shown: the typed place is enough.
 */
export function PlacePicker({ center }: { center: [number, number] }) {
  const { t } = useTranslation("questionnaire");
  const config = useRouteLoaderData<typeof rootLoader>("root")?.config;
  const [hydrated, setHydrated] = useState(false);
  const [status, setStatus] = useState<"idle" | "locating" | "picked" | "denied" | "unavailable">("idle");
  const lat = useRef<HTMLInputElement>(null);
  const lng = useRef<HTMLInputElement>(null);
  useEffect(() => setHydrated(true), []);
  if (!hydrated || !config) return null;

  const choose = (latitude: number, longitude: number, submit: boolean) => {
    lat.current!.value = String(latitude);
    lng.current!.value = String(longitude);
    setStatus("picked");
    if (submit) lat.current!.form?.requestSubmit();
  };

  return (
    <div className="place-picker">
      <input type="hidden" name="lat" ref={lat} />
      <input type="hidden" name="lng" ref={lng} />
      <button
        type="button"
        className="secondary"
        onClick={() => {
          if (!("geolocation" in navigator)) return setStatus("unavailable");
          setStatus("locating");
          navigator.geolocation.getCurrentPosition(
            (position) => choose(position.coords.latitude, position.coords.longitude, true),
            () => setStatus("denied"),
            { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
          );
        }}
      >
        {t("place.useLocation")}
      </button>
      <p role="status" className="hint">
        {status === "idle" ? t("place.mapHint") : t(`place.status.${status}`)}
      </p>
      <Suspense fallback={<div className="service-map service-map-loading" aria-hidden="true" />}>
        <PickerMap center={center} tileUrl={config.map.tileUrl} attribution={config.map.attribution} label={t("place.mapLabel")} onPick={(a, b) => choose(a, b, false)} />
      </Suspense>
    </div>
  );
}
