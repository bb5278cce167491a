import { Suspense, lazy, useEffect, useState } from "react";
import { useT } from "~/i18n/use-t";
import { Link, redirect, useLocation, useRouteLoaderData } from "react-router";
import { dbContext } from "~/db.server";
import { readSummaries, type ServiceCard } from "~/directory/search.server";
import { areaNamesIn } from "~/directory/service.server";
import { AudienceFact } from "~/components/AudienceFact";
import { OpeningFacts } from "~/components/OpeningFacts";
import { weekInWords, type WeekInWords } from "~/directory/card-words.server";
import { localDate } from "~/directory/hours";
import { describeAges, formatDate, formatDistance, languageNameInSentence } from "~/i18n/format";
import { primarySubtag } from "~/i18n/languages";
import { useLanguage } from "~/i18n/use-language";
import { requireLanguage } from "~/i18n/locale.server";
import { serverT } from "~/i18n/resources.server";
import { WIDER_RADII_KM, matchForFamily } from "~/matching/results.server";
import type { MatchReason, MatchedService } from "~/matching/types";
import { firstMissingStep, shareParams } from "~/questionnaire/answers";
import { answersFromShareParams, linkPlaceOutside, setAsideFromLink } from "~/questionnaire/steps.server";
import { readAnswers } from "~/questionnaire/cookie.server";
import { resultAnchor, serviceHref } from "~/http/return-path";
import { REGIONS, type RegionCode } from "~/regions";
import type { loader as rootLoader } from "~/root";
import { NeedIcon } from "~/taxonomy/NeedIcon";
import type { Route } from "./+types/results";

const ResultsMap = lazy(() => import("~/components/map/ResultsMap.client"));

/** Why there are no results to show. */
type Notice = "brokenLink" | "placeMissing" | "placeOutside";

export async function loader({ request, url, params, context }: Route.LoaderArgs) {
  const language = requireLanguage(params);
  // A shared link carries the answers (nothing that identifies the family); otherwise they come from the questionnaire's cookie.
  const shared = answersFromShareParams(url.searchParams);
  const t = serverT(language);
  // A link that names needs, none of them known, was cut short or altered: it says so, rather
  // than sending a visitor who never started into the questionnaire's middle.
  if (!shared && url.searchParams.has("need")) {
    return { title: t("results:meta.title"), placeMissing: true as const, notice: "brokenLink" as Notice, region: null };
  }
  const answers = shared ?? (await readAnswers(request));
  if (!shared) {
    const missing = firstMissingStep(answers);
    if (missing) return redirect(`/${language}/questionnaire/${missing}?missing=1`);
  }
  if (!answers.place) {
    // A shared link to a town beyond the regions says so, rather than that it names no place.
    const outside = shared !== null && linkPlaceOutside(url.searchParams);
    return { title: t("results:meta.title"), placeMissing: true as const, notice: (outside ? "placeOutside" : "placeMissing") as Notice, region: null };
  }
  const asked = Number(url.searchParams.get("radius"));
  const wider = (WIDER_RADII_KM as readonly number[]).includes(asked) ? asked : undefined;
  const db = context.get(dbContext);
  const now = new Date();
  const outcome = matchForFamily(db, answers, now, wider);
  const ids = [...new Set(outcome.groups.flatMap((group) => group.results.map((result) => result.serviceId)))];
  const summaries = readSummaries(db, ids.map((id) => ({ id, distanceKm: null, coversPlace: false })), language, now, answers.place);
  // Matching names the area a phone or online service covers as the directory wrote it: those
  // services' areas are looked up in the family's language (most pages have none).
  const coveredByArea = outcome.groups.flatMap((group) =>
    group.results.filter((result) => result.reasons.some((reason) => reason.kind === "service-area")).map((result) => result.serviceId),
  );
  const areaNames = areaNamesIn(db, [...new Set(coveredByArea)], language);
  const areaIn = (serviceId: string, source: string) => areaNames.get(serviceId)?.find((area) => area.source === source)?.name ?? source;
  const share = shareParams(answers);
  const widerRadiusKm = WIDER_RADII_KM.find((radius) => radius > outcome.radiusKm) ?? null;
  // "Speaks Czech" on every card in Brno says nothing: the region's own language goes without
  // saying. A language the family needs beyond it ("Speaks Vietnamese") is what the reason is for.
  const regionLanguage = REGIONS[answers.place.region].sourceLanguage;
  const saysSomething = (reason: MatchReason): reason is ShownReason =>
    reason.kind !== "need" && !(reason.kind === "speaks" && primarySubtag(reason.language) === regionLanguage);
  const speaksNone = new Set(
    answers.languages.length === 0
      ? []
      : outcome.groups.flatMap((group) => group.results.filter((result) => !result.reasons.some(speaksToFamily)).map((result) => result.serviceId)),
  );
  return {
    title: t("results:meta.title"),
    placeMissing: false as const,
    region: answers.place.region,
    shared: Boolean(shared),
    setAside: shared ? setAsideFromLink(url.searchParams, shared) : [],
    // For the printed sheet: the day these results were made, in the family's region.
    madeOn: localDate(now, REGIONS[answers.place.region].timeZone),
    place: answers.place,
    radiusKm: outcome.radiusKm,
    // What the page shows of each result (the browser receives all of it again to hydrate): the need
    // is the group's heading, and score and distance are said by the order and the reasons.
    groups: outcome.groups.map(({ need, results }) => ({
      need,
      results: results.map(({ serviceId, reasons }) => ({
        serviceId,
        reasons: reasons
          .filter(saysSomething)
          .map((reason) => (reason.kind === "service-area" ? { ...reason, areaName: areaIn(serviceId, reason.areaName) } : reason)),
      })),
    })),
    unmetNeeds: outcome.unmetNeeds,
    // The age a search from the family's place asks about (one child, in whole years, as the search
    // takes it), so that it too leaves out what is for other ages; none for several children.
    searchAge: answers.childAgesMonths.length === 1 && !answers.pregnant ? Math.floor(answers.childAgesMonths[0]! / 12) : null,
    // Only what a card shows: the rest of a search result would only weigh on the page.
    services: Object.fromEntries(
      summaries.map(({ needs, free, languages, distanceKm, coversPlace, ...card }): [string, ResultsCard] => [
        card.id,
        // A family that named its languages is told which ones a service speaks when it speaks none of theirs.
        { ...weekInWords(card, language), languages: speaksNone.has(card.id) ? languages : [] },
      ]),
    ),
    // What the family sees, further afield too: a link shared from the wider search shows the same.
    sharePath: `/${language}/results?${new URLSearchParams([...share, ...(wider ? [["radius", String(wider)]] : [])])}`,
    widerRadiusKm,
    // The same results from further away. The family's own page keeps its answers (the cookie: who
    // asks, exact ages and place) and only adds the radius; a shared link's page keeps the link's.
    widerPath: widerRadiusKm === null ? null : `/${language}/results?${new URLSearchParams([...(shared ? share : []), ["radius", String(widerRadiusKm)]])}`,
  };
}

/** These pages show a family's answers: never kept by the browser or anything in between. */
export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title }];

/** The service speaks one of the family's languages, or offers an interpreter. */
const speaksToFamily = (reason: MatchReason) => reason.kind === "speaks" || reason.kind === "interpretation";

/** What a card shows of a service: the week in words, and its languages only where it speaks none of the family's. */
type ResultsCard = WeekInWords<ServiceCard> & { languages: string[] };

/** The reasons a card lists: the need a result is for is its group's heading. */
type ShownReason = Exclude<MatchReason, { kind: "need" }>;
type ShownResult = Pick<MatchedService, "serviceId"> & { reasons: ShownReason[] };

function Reason({ reason, region }: { reason: ShownReason; region: RegionCode }) {
  const t = useT("results");
  const language = useLanguage();
  switch (reason.kind) {
    case "ages": {
      const ages = describeAges(reason.minimumAge, reason.maximumAge, t, language);
      return ages ? <li>{t("reasons.ages", { ages })}</li> : null;
    }
    case "pregnancy":
      return <li>{t("reasons.pregnancy")}</li>;
    case "distance":
      return <li className="fact-distance">{t("reasons.distance", { distance: formatDistance(reason.km, language, region) })}</li>;
    case "service-area":
      return <li>{t("reasons.serviceArea", { area: reason.areaName })}</li>;
    case "speaks":
      return <li>{t("reasons.speaks", { language: languageNameInSentence(reason.language, language) })}</li>;
    case "interpretation":
      return <li>{t("reasons.interpretation")}</li>;
    case "free":
      return <li className="fact-free">{t("reasons.free")}</li>;
    case "evenings":
      return <li>{t("reasons.evenings")}</li>;
    case "weekends":
      return <li>{t(reason.days.length === 2 ? "reasons.weekends" : `reasons.weekend.${reason.days[0]}`)}</li>;
    case "verified":
      return <li>{t("reasons.verified", { date: formatDate(reason.date, language) })}</li>;
  }
}

function ResultCard({
  result,
  service,
  region,
  highlighted,
  onHighlight,
  from,
  need,
}: {
  result: ShownResult;
  /** The group the card is in: a service can be in several. */
  need: string;
  service: ResultsCard;
  /** This page's path, which the service page leads back to. */
  from: string;
  /** The family's region, whose units distances are said in. */
  region: RegionCode;
  highlighted: boolean;
  onHighlight(id: string | null): void;
}) {
  const t = useT("results");
  const language = useLanguage();
  const site = service.locations.find((location) => location.id === service.siteId);
  const anchor = resultAnchor(need, service.id);
  return (
    <li
      id={anchor}
      className={`result-card${highlighted ? " highlighted" : ""}`}
      data-service-id={service.id}
      onMouseEnter={() => onHighlight(service.id)}
      onMouseLeave={() => onHighlight(null)}
      onFocus={() => onHighlight(service.id)}
      onBlur={() => onHighlight(null)}
    >
      <h3>
        <Link to={serviceHref(language, service.id, from, anchor)} lang={service.name.fallback ? service.name.language : undefined}>
          {service.name.text}
        </Link>
      </h3>
      <p className="result-org">{service.organization}</p>
      <p className="why-label">{t("why")}</p>
      <ul className="reasons">
        {result.reasons.map((reason, index) => (
          <Reason key={index} reason={reason} region={region} />
        ))}
      </ul>
      {service.description ? (
        <p className="result-description" lang={service.description.fallback ? service.description.language : undefined}>
          {service.description.text}
        </p>
      ) : null}
      <ul className="facts">
        <AudienceFact audience={service.audience} />
        {site && (site.name || service.address) ? <li className="print-only">{[site.name, service.address].filter(Boolean).join(", ")}</li> : null}
        {/* On paper the address names the city already. */}
        {service.city ? <li className={service.address ? "screen-only" : undefined}>{service.city}</li> : null}
        {service.languages.length > 0 && !result.reasons.some(speaksToFamily) ? (
          <li className="fact-languages">{t("search:speaks", { languages: service.languages.map((code) => languageNameInSentence(code, language)).join(", ") })}</li>
        ) : null}
        <OpeningFacts opening={service.opening} week={service.week} />
      </ul>
      {service.phone ? (
        <p>
          <a className="call-link" href={`tel:${service.phone.replace(/[^\d+]/g, "")}`}>
            {t("search:call", { number: service.phone })}
          </a>
        </p>
      ) : null}
    </li>
  );
}

/** A search from the family's place for one need, for the child's age when there is one child. */
function nearbySearch(need: string, place: string, age: number | null): URLSearchParams {
  return new URLSearchParams({ need, place, ...(age === null ? {} : { age: String(age) }) });
}

function ClientOnly({ children }: { children: React.ReactNode }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated ? <>{children}</> : null;
}

export default function Results({ loaderData }: Route.ComponentProps) {
  const t = useT("results");
  const language = useLanguage();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const config = root?.config;
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const location = useLocation();
  const from = location.pathname + location.search;

  if (loaderData.placeMissing) {
    return (
      <section>
        <h1>{t("title")}</h1>
        <p className="notice notice-warning">{t(loaderData.notice === "placeOutside" ? "questionnaire:errors.place-outside" : loaderData.notice)}</p>
        <a href={`/${language}/questionnaire`}>{t("startQuestionnaire")}</a>
      </section>
    );
  }
  const { groups, services, place, radiusKm, unmetNeeds } = loaderData;
  const markers = groups
    .flatMap((group) => group.results)
    .filter((result, index, all) => all.findIndex((other) => other.serviceId === result.serviceId) === index)
    .flatMap((result) =>
      (services[result.serviceId]?.locations ?? []).map((site) => ({
        id: `${result.serviceId}:${site.id}`,
        serviceId: result.serviceId,
        lat: site.lat,
        lng: site.lng,
        label: services[result.serviceId]!.name.text,
        href: serviceHref(language, result.serviceId, from),
      })),
    );
  // Whole, so that it works pasted into a message. The server knows the origin it was asked for; the
  // browser knows the one the family sees (https behind a proxy), and puts it in once it runs.
  const origin = typeof window === "undefined" ? root?.origin : window.location.origin;
  const shareUrl = `${origin ?? ""}${loaderData.sharePath}`;

  return (
    <section className="results-page" aria-labelledby="results-title">
      <h1 id="results-title">{t("title")}</h1>
      <p className="lead">{t("near", { place: place.label, distance: formatDistance(radiusKm, language, place.region) })}</p>
      {/* On paper the site's header is gone: the sheet says where it comes from, when, and how to see it again. */}
      <p className="print-only print-source">{t("printSource", { brand: t("common:brand"), date: formatDate(loaderData.madeOn, language), link: shareUrl })}</p>
      {loaderData.setAside.map((part) => (
        <p key={part} className="notice notice-warning">
          {t(`setAside.${part}`)}
        </p>
      ))}
      <div className="results-tools">
        {/* Plain links, loading a whole page: the questionnaire's screens are documents without the
            app's JavaScript (their handle says so), which rendered here in the browser would miss
            the place screen's own script ("use my location", the map). */}
        {loaderData.shared ? (
          <a href={`/${language}/questionnaire`}>{t("startQuestionnaire")}</a>
        ) : (
          <a href={`/${language}/questionnaire/summary`}>{t("changeAnswers")}</a>
        )}
        {/* In the page from the start, so that nothing below moves when the script arrives (a tap
            aimed at a result would land on the one before); where scripts cannot run it is hidden. */}
        <button type="button" className="secondary needs-script" onClick={() => window.print()}>
          {t("print")}
        </button>
      </div>
      <details className="share">
        <summary>{t("share.title")}</summary>
        <p>{t("share.body")}</p>
        <label htmlFor="share-link">{t("share.label")}</label>
        <input id="share-link" type="text" readOnly value={shareUrl} onFocus={(event) => event.currentTarget.select()} />
        <p>
          <a href={loaderData.sharePath} className="tap-link">
            {t("share.open")}
          </a>
        </p>
      </details>

      <nav aria-label={t("jumpLabel")} className="need-jump">
        <ul>
          {groups.map((group) => (
            <li key={group.need}>
              <a href={`#need-${group.need}`}>
                {t(`taxonomy:needs.${group.need}.name`)} ({group.results.length})
              </a>
            </li>
          ))}
          {markers.length > 0 && config ? (
            // On a phone the map comes after the whole list: one tap reaches it.
            <li className="needs-script map-jump">
              <a href="#results-map">{t("showMap")}</a>
            </li>
          ) : null}
        </ul>
      </nav>

      <div className="results-layout">
        <div>
          {groups.map((group) => (
            <section key={group.need} id={`need-${group.need}`} aria-labelledby={`need-${group.need}-title`} className="need-group">
              <h2 id={`need-${group.need}-title`}>
                <NeedIcon need={group.need} /> {t(`taxonomy:needs.${group.need}.name`)}
              </h2>
              {group.results.length > 0 ? (
                <ol className="result-list">
                  {group.results.map((result) =>
                    services[result.serviceId] ? (
                      <ResultCard
                        key={result.serviceId}
                        result={result}
                        service={services[result.serviceId]!}
                        region={place.region}
                        highlighted={highlighted === result.serviceId}
                        onHighlight={setHighlighted}
                        from={from}
                        need={group.need}
                      />
                    ) : null,
                  )}
                </ol>
              ) : (
                <div className="unmet" role="note">
                  <p>
                    <strong>{t("unmet.title", { need: t(`taxonomy:needs.${group.need}.name`), distance: formatDistance(radiusKm, language, place.region) })}</strong>
                  </p>
                  <p>{t("unmet.body")}</p>
                  <ul>
                    {/* Links to follow on a screen; on paper only the help line below stays. */}
                    {loaderData.widerRadiusKm && loaderData.widerPath ? (
                      <li className="screen-only">
                        <Link to={loaderData.widerPath}>
                          {t("unmet.wider", { distance: formatDistance(loaderData.widerRadiusKm, language, place.region) })}
                        </Link>
                      </li>
                    ) : null}
                    <li className="screen-only">
                      {/* A search from the family's place: services nearby and those by phone or online that cover it, not every region's. */}
                      <Link to={`/${language}/search?${nearbySearch(group.need, place.label, loaderData.searchAge)}`}>{t("unmet.phone", { place: place.label })}</Link>
                    </li>
                    <li>
                      <a href="#help-now">{t(`unmet.helpLine.${place.region}`)}</a>
                    </li>
                  </ul>
                </div>
              )}
            </section>
          ))}
          {unmetNeeds.length > 0 ? <p className="hint">{t("unmet.recorded")}</p> : null}
        </div>
        {markers.length > 0 && config ? (
          <div className="results-map" id="results-map">
            <ClientOnly>
              <Suspense fallback={<div className="service-map service-map-loading" aria-hidden="true" />}>
                <ResultsMap
                  markers={markers}
                  center={REGIONS[place.region].center}
                  tileUrl={config.map.tileUrl}
                  attribution={config.map.attribution}
                  label={t("mapLabel")}
                  clusterLabel={(count) => t("cluster", { count })}
                  highlighted={highlighted}
                  onHighlight={setHighlighted}
                />
              </Suspense>
            </ClientOnly>
          </div>
        ) : null}
      </div>
    </section>
  );
}
