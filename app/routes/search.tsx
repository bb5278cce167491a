import { useT } from "~/i18n/use-t";
import { Form, Link, redirect } from "react-router";
import { MapView, type MapMarker } from "~/components/map/MapView";
import { dbContext } from "~/db.server";
import { AudienceFact } from "~/components/AudienceFact";
import { OpeningFacts } from "~/components/OpeningFacts";
import { formatDistance, formatNumber, languageName, languageNameInSentence } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { requireLanguage } from "~/i18n/locale.server";
import { serverT } from "~/i18n/resources.server";
import { regionOfPlace, searchServices, type SearchResultItem } from "~/directory/search.server";
import { weekInWords, type WeekInWords } from "~/directory/card-words.server";
import { spokenLanguages } from "~/directory/languages.server";
import { MAX_AGE_YEARS, parseSearchParams, searchParamsOf, type SearchQuery } from "~/directory/search-query";
import { REGIONS, type RegionCode } from "~/regions";
import { NeedIcon } from "~/taxonomy/NeedIcon";
import { NEED_CODES } from "~/taxonomy/needs";
import { resultAnchor, serviceHref } from "~/http/return-path";
import type { Route } from "./+types/search";

export function loader({ url, params, context }: Route.LoaderArgs) {
  const language = requireLanguage(params);
  const db = context.get(dbContext);
  const parsed = parseSearchParams(url.searchParams);
  const spoken = spokenLanguages(db);
  // A language no service speaks can only come from an altered link: it would find nothing and
  // say nothing, as the language list shows none chosen. It is set aside, and the page says so.
  const unlisted = parsed.query.spokenLanguage !== null && !spoken.includes(parsed.query.spokenLanguage);
  const query = unlisted ? { ...parsed.query, spokenLanguage: null } : parsed.query;
  const notices = unlisted ? [...parsed.notices, "language-invalid" as const] : parsed.notices;
  const t = serverT(language);
  const found = searchServices(db, query, language, new Date());
  // A page past the last (an old link, after the directory shrank; a typed number) goes to the last.
  if (found.pageCount > 0 && query.page > found.pageCount) {
    url.searchParams.set("page", String(found.pageCount));
    return redirect(`${url.pathname}?${url.searchParams}`);
  }
  const outcome = { ...found, items: found.items.map((item) => weekInWords(item, language)) };
  return {
    title: t("search:meta.title"),
    query,
    notices,
    outcome,
    spokenLanguages: spoken,
    region: regionOfPlace(outcome.place),
  };
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title }];

function hrefFor(language: string, query: SearchQuery, changes: Partial<SearchQuery>): string {
  const params = searchParamsOf({ ...query, ...changes }).toString();
  return `/${language}/search${params ? `?${params}` : ""}`;
}

/** `region`: the searched place's, whose units distances are said in; `from`: this search's path, which the service page leads back to. */
function ResultCard({ item, region, from }: { item: WeekInWords<SearchResultItem>; region: RegionCode | null; from: string }) {
  const t = useT("search");
  const language = useLanguage();
  const anchor = resultAnchor(item.id);
  return (
    <li className="result-card" id={anchor} data-service-id={item.id}>
      <h3>
        <Link to={serviceHref(language, item.id, from, anchor)} lang={item.name.fallback ? item.name.language : undefined}>
          {item.name.text}
        </Link>
      </h3>
      <p className="result-org">{item.organization}</p>
      {item.description ? (
        <p className="result-description" lang={item.description.fallback ? item.description.language : undefined}>
          {item.description.text}
        </p>
      ) : null}
      {item.name.fallback ? <p className="fallback-note">{t("common:fallback", { language: languageNameInSentence(item.name.language, language) })}</p> : null}
      <ul className="facts">
        {item.distanceKm !== null ? <li className="fact-distance">{t("distanceAway", { distance: formatDistance(item.distanceKm, language, region) })}</li> : null}
        {item.coversPlace ? <li>{t("coversPlace")}</li> : null}
        <AudienceFact audience={item.audience} />
        {/* On paper the street address, which names the city. */}
        {item.city ? <li className={item.address ? "screen-only" : undefined}>{item.city}</li> : null}
        {item.address ? <li className="print-only">{item.address}</li> : null}
        <OpeningFacts opening={item.opening} week={item.week} />
        {item.free ? <li className="fact-free">{t("free")}</li> : null}
        {item.languages.length > 0 ? (
          <li>{t("speaks", { languages: item.languages.map((code) => languageNameInSentence(code, language)).join(", ") })}</li>
        ) : null}
      </ul>
      <ul className="result-needs" aria-label={t("needsLabel")}>
        {item.needs.map((need) => (
          <li key={need}>
            <NeedIcon need={need} size={16} /> {t(`taxonomy:needs.${need}.name`)}
          </li>
        ))}
      </ul>
      {item.phone ? (
        <p>
          <a className="call-link" href={`tel:${item.phone.replace(/[^\d+]/g, "")}`}>
            {t("call", { number: item.phone })}
          </a>
        </p>
      ) : null}
    </li>
  );
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const t = useT("search");
  const language = useLanguage();
  const { query, notices, outcome, spokenLanguages: spoken } = loaderData;
  const place = outcome.place;
  const from = hrefFor(language, query, {});
  const markers: MapMarker[] = outcome.items.flatMap((item) =>
    item.locations.map((site) => ({
      id: `${item.id}:${site.id}`,
      lat: site.lat,
      lng: site.lng,
      label: item.name.text,
      detail: site.name ?? undefined,
      href: serviceHref(language, item.id, from),
    })),
  );
  const center = place.status === "found" ? ([place.place.lat, place.place.lng] as [number, number]) : REGIONS["us-la"].center;

  return (
    <>
      <h1>{t("title")}</h1>
      {/* The server checks what is typed and says so in the page's language; the browser's own
          bubbles would speak the browser's ("Please enter a valid value"). */}
      <Form method="get" action={`/${language}/search`} role="search" className="search-form" noValidate>
        <div className="field field-wide">
          <label htmlFor="q">{t("form.q")}</label>
          <input id="q" name="q" type="search" defaultValue={query.text} maxLength={200} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="place">{t("form.place")}</label>
          <input id="place" name="place" type="text" defaultValue={query.place} maxLength={200} autoComplete="off" aria-describedby="place-hint" />
          <p id="place-hint" className="hint">
            {t("form.placeHint")}
          </p>
        </div>
        <details className="field field-wide need-filter">
          <summary>
            {t("form.need")}
            {query.needs.length > 0 ? ` (${t("form.needsChosen", { count: query.needs.length })})` : null}
          </summary>
          <fieldset>
            <legend className="visually-hidden">{t("form.need")}</legend>
            <div className="need-options">
              {NEED_CODES.map((need) => (
                <label key={need} className="check">
                  <input type="checkbox" name="need" value={need} defaultChecked={query.needs.includes(need)} />
                  <NeedIcon need={need} size={18} /> {t(`taxonomy:needs.${need}.name`)}
                </label>
              ))}
            </div>
          </fieldset>
        </details>
        <div className="field">
          <label htmlFor="language">{t("form.language")}</label>
          <select id="language" name="language" defaultValue={query.spokenLanguage ?? ""}>
            <option value="">{t("form.anyLanguage")}</option>
            {spoken.map((code) => (
              <option key={code} value={code}>
                {languageName(code, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="age">{t("form.age")}</label>
          <input id="age" name="age" type="number" inputMode="numeric" min={0} max={MAX_AGE_YEARS} step={1} defaultValue={query.age ?? ""} aria-describedby="age-hint" />
          <p id="age-hint" className="hint">
            {t("form.ageHint")}
          </p>
        </div>
        <div className="field checks">
          <label className="check">
            <input type="checkbox" name="free" value="1" defaultChecked={query.freeOnly} /> {t("form.free")}
          </label>
          <label className="check">
            <input type="checkbox" name="open" value="1" defaultChecked={query.openNow} /> {t("form.open")}
          </label>
        </div>
        <div className="field field-wide">
          <button type="submit">{t("form.submit")}</button>
        </div>
      </Form>

      {notices.length > 0 ? (
        <div className="notice" role="status">
          <ul>
            {notices.map((notice) => (
              <li key={notice}>{t(`notices.${notice}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {place.status === "outside" ? (
        <div className="notice notice-warning" role="status">
          <p>{t("place.outside", { place: query.place })}</p>
        </div>
      ) : null}
      {place.status === "not-found" ? (
        <div className="notice notice-warning" role="status">
          <p>{t("place.notFound", { place: query.place })}</p>
          {place.suggestions.length > 0 ? (
            <p>
              {t("place.suggestions")}{" "}
              {place.suggestions.map((suggestion, index) => (
                <span key={`${suggestion.name}-${index}`}>
                  {index > 0 ? ", " : null}
                  <Link to={hrefFor(language, query, { place: suggestion.name, page: 1 })}>{suggestion.name}</Link>
                </span>
              ))}
            </p>
          ) : (
            <p>{t("place.tryOther")}</p>
          )}
        </div>
      ) : null}

      <section aria-labelledby="results-title" className="results">
        <h2 id="results-title" aria-live="polite">
          {place.status === "found"
            ? t("results.countNear", { count: outcome.total, formatted: formatNumber(outcome.total, language), place: place.place.name, distance: formatDistance(outcome.radiusKm, language, place.place.region) })
            : outcome.totalIsCapped
              ? t("results.countMoreThan", { count: outcome.total, formatted: formatNumber(outcome.total, language) })
              : t("results.count", { count: outcome.total, formatted: formatNumber(outcome.total, language) })}
        </h2>
        {outcome.total === 0 ? (
          <div className="empty-state">
            <p>{t("results.empty")}</p>
            {/* Only the tips that apply: advice to remove a filter nobody set would send a family looking for it. */}
            <ul>
              {query.spokenLanguage || query.age !== null || query.freeOnly || query.openNow ? <li>{t("results.emptyTips.fewerFilters")}</li> : null}
              {query.text ? <li>{t("results.emptyTips.otherWords")}</li> : null}
              {!query.text && query.needs.length > 0 ? <li>{t("results.emptyTips.otherTopic")}</li> : null}
              <li>{t("results.emptyTips.helpLine")}</li>
            </ul>
          </div>
        ) : (
          <div className="results-layout">
            <ol className="result-list">
              {outcome.items.map((item) => (
                <ResultCard key={item.id} item={item} region={loaderData.region} from={from} />
              ))}
            </ol>
            {markers.length > 0 ? (
              <div className="results-map">
                <MapView markers={markers} center={center} label={t("mapLabel")} />
              </div>
            ) : null}
          </div>
        )}
        {outcome.pageCount > 1 ? (
          <nav aria-label={t("pagination.label")} className="pagination">
            {outcome.page > 1 ? (
              <Link to={hrefFor(language, query, { page: outcome.page - 1 })} rel="prev">
                {t("pagination.previous")}
              </Link>
            ) : null}
            <span aria-current="page">{t("pagination.page", { page: outcome.page, pages: outcome.pageCount })}</span>
            {outcome.page < outcome.pageCount ? (
              <Link to={hrefFor(language, query, { page: outcome.page + 1 })} rel="next">
                {t("pagination.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
