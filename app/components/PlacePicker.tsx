import { useT } from "~/i18n/use-t";
import { useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "~/root";
import { REGIONS, REGION_CODES, type RegionCode } from "~/regions";

/**
 * Where "use my location" and the map go: public/place-picker.js fills this in (a small script of its
 * own, so the place screen does not need the whole app's JavaScript). It writes the hidden lat/lng
 * fields, which the server rounds. Without JavaScript the container stays empty.
 *
 * The map opens on `region` (the family's, or the one the page's language suggests), and one tap
 * moves it to any of the others: a Vietnamese-speaking family in Brno does not have to scroll
 * from An Giang across the world.
 */
export function PlacePicker({ region, fromSummary }: { region: RegionCode; fromSummary: boolean }) {
  const t = useT("questionnaire");
  const config = useRouteLoaderData<typeof rootLoader>("root")?.config;
  const regions = [region, ...REGION_CODES.filter((code) => code !== region)].map((code) => ({ name: t(`common:regions.${code}`), center: REGIONS[code].center }));
  return (
    <>
      <input type="hidden" name="lat" />
      <input type="hidden" name="lng" />
      <div
        id="place-picker"
        className="place-picker"
        data-regions={JSON.stringify(regions)}
        data-regions-label={t("place.mapRegions")}
        data-tile-url={config?.map.tileUrl}
        data-attribution={config?.map.attribution}
        data-use-location={t("place.useLocation")}
        data-show-map={t("place.showMap")}
        data-map-hint={t("place.mapHint")}
        data-map-label={t("place.mapLabel")}
        data-locating={t("place.status.locating")}
        data-picked={t(fromSummary ? "place.status.pickedSave" : "place.status.picked")}
        data-denied={t("place.status.denied")}
        data-unavailable={t("place.status.unavailable")}
        data-zoom-in={t("common:map.zoomIn")}
        data-zoom-out={t("common:map.zoomOut")}
      />
      <script src="/place-picker.js" defer />
    </>
  );
}
