import { useT } from "~/i18n/use-t";
import { Link, data } from "react-router";
import { AudienceFact } from "~/components/AudienceFact";
import { MapView } from "~/components/map/MapView";
import { checkedLongAgo } from "~/directory/freshness";
import { dbContext } from "~/db.server";
import { formatAddress } from "~/directory/address";
import { WEEKDAYS } from "~/directory/hours";
import { getServiceDetail, type ServiceSite } from "~/directory/service.server";
import type { LocalizedText } from "~/directory/text";
import { describeAges, describeOpening, formatClock, formatDate, languageNameInSentence, weekdayName } from "~/i18n/format";
import { isLanguage } from "~/i18n/languages";
import { useLanguage } from "~/i18n/use-language";
import { requireLanguage } from "~/i18n/locale.server";
import { serverT } from "~/i18n/resources.server";
import { REGIONS } from "~/regions";
import { returnPathOf } from "~/http/return-path";
import { NeedIcon } from "~/taxonomy/NeedIcon";
import type { ScheduleRow } from "~/directory/hours";
import type { Route } from "./+types/service";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function loader({ url, params, context }: Route.LoaderArgs) {
  const language = requireLanguage(params);
  const back = returnPathOf(url.searchParams.get("from"), language);
  const now = new Date();
  const service = UUID.test(params.serviceId) ? getServiceDetail(context.get(dbContext), params.serviceId, language, now) : null;
  if (!service) throw data(null, { status: 404 });
  // A neutral title: a tab's name must not tell a watching partner what the family looked for.
  return { title: serverT(language)("service:meta.title"), service, region: service.region, back, checkedLongAgo: checkedLongAgo(service.assuredDate, now) };
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title }];

function Text({ value }: { value: LocalizedText | null }) {
  const t = useT();
  const language = useLanguage();
  if (!value) return null;
  return (
    <>
      <p lang={value.fallback ? value.language : undefined}>{value.text}</p>
      {value.fallback ? <p className="fallback-note">{t("common:fallback", { language: languageNameInSentence(value.language, language) })}</p> : null}
    </>
  );
}

function WeeklyHours({ rows }: { rows: ScheduleRow[] }) {
  const t = useT("service");
  const language = useLanguage();
  const isAlwaysOpen = rows.length === 7 && rows.every((row) => row.opensAt === "00:00" && row.closesAt === "24:00");
  if (isAlwaysOpen) return <p>{t("hours.alwaysOpen")}</p>;
  return (
    <table className="hours">
      <caption className="visually-hidden">{t("hours.caption")}</caption>
      <tbody>
        {WEEKDAYS.map((day) => {
          const today = rows.filter((row) => row.byday === day);
          return (
            <tr key={day}>
              <th scope="row">{weekdayName(day, language)}</th>
              <td>
                {today.length === 0
                  ? t("hours.closed")
                  : today
                      .map((row) =>
                        row.opensAt === "00:00" && row.closesAt === "24:00"
                          ? t("hours.allDay")
                          : t("hours.range", { from: formatClock(row.opensAt, language), to: formatClock(row.closesAt, language) }),
                      )
                      .join(", ")}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Site({ site }: { site: ServiceSite }) {
  const t = useT("service");
  const language = useLanguage();
  const opening = describeOpening(site.opening, t, language);
  const addressText = site.address ? formatAddress(site.address) : null;
  const directions =
    site.lat !== null && site.lng !== null
      ? `https://www.openstreetmap.org/directions?to=${site.lat}%2C${site.lng}#map=16/${site.lat}/${site.lng}`
      : null;
  return (
    <li className="site">
      {site.name ? <h3>{site.name}</h3> : null}
      {addressText ? <address>{addressText}</address> : null}
      {opening ? <p className={`opening opening-${site.opening.kind}`}>{opening}</p> : null}
      {directions ? (
        <p>
          <a href={directions} rel="noreferrer" target="_blank">
            {t("directions")}
            <span className="visually-hidden"> {t("opensInNewTab")}</span>
          </a>
        </p>
      ) : null}
      {site.hours.length > 0 ? (
        <details>
          <summary>{t("hours.title")}</summary>
          <WeeklyHours rows={site.hours} />
        </details>
      ) : null}
    </li>
  );
}

export default function Service({ loaderData }: Route.ComponentProps) {
  const { service, back } = loaderData;
  const t = useT("service");
  const language = useLanguage();
  const ages = describeAges(service.minimumAge, service.maximumAge, t, language);
  const opening = describeOpening(service.opening, t, language);
  const markers = service.sites.flatMap((site) =>
    site.lat !== null && site.lng !== null ? [{ id: site.id, lat: site.lat, lng: site.lng, label: site.name ?? service.name.text, detail: site.address?.line }] : [],
  );

  return (
    <article className="service-page">
      <p className="breadcrumb">
        {back ? (
          <Link to={back.path}>{t(back.page === "results" ? "backToResults" : "backToSearchResults")}</Link>
        ) : (
          <Link to={`/${language}/search`}>{t("backToSearch")}</Link>
        )}
      </p>
      <h1 lang={service.name.fallback ? service.name.language : undefined}>{service.name.text}</h1>
      {service.sourceName && isLanguage(service.sourceName.language) ? (
        <p className="service-source-name">
          {t(`sourceName.${service.sourceName.language}`)} <span lang={service.sourceName.language}>{service.sourceName.text}</span>
        </p>
      ) : null}
      <p className="service-org">{service.organization.name}</p>
      {service.status !== "active" ? <p className="notice notice-warning">{t("inactive")}</p> : null}
      <ul className="result-needs" aria-label={t("search:needsLabel")}>
        {service.needs.map((need) => (
          <li key={need}>
            <NeedIcon need={need} size={16} /> {t(`taxonomy:needs.${need}.name`)}
          </li>
        ))}
      </ul>

      <section aria-labelledby="what-title">
        <h2 id="what-title">{t("what")}</h2>
        <Text value={service.description} />
      </section>

      <section aria-labelledby="contact-title" className="contact">
        <h2 id="contact-title">{t("contact")}</h2>
        <ul className="contact-list">
          {service.phones.map((phone) => (
            <li key={phone.number}>
              <a className="call-link" href={`tel:${phone.number.replace(/[^\d+]/g, "")}`}>
                {t(phone.type === "text" ? "textNumber" : "callNumber", { number: phone.number })}
              </a>
            </li>
          ))}
          {service.url ? (
            <li>
              <a href={service.url} rel="noreferrer">
                {t("website")}
              </a>
            </li>
          ) : null}
          {service.email ? (
            <li>
              <a href={`mailto:${service.email}`}>{service.email}</a>
            </li>
          ) : null}
        </ul>
        {service.sites.length === 0 ? (
          <>
            {opening ? <p className={`opening opening-${service.opening.kind}`}>{opening}</p> : null}
            {service.serviceAreas.length > 0 ? <p>{t("servesArea", { area: service.serviceAreas.join(", ") })}</p> : null}
            {service.hours.length > 0 ? (
              <details>
                <summary>{t("hours.title")}</summary>
                <WeeklyHours rows={service.hours} />
              </details>
            ) : null}
          </>
        ) : null}
      </section>

      <section aria-labelledby="who-title">
        <h2 id="who-title">{t("who")}</h2>
        <ul className="facts">
          {ages ? <li>{ages}</li> : <li>{t("ages.any")}</li>}
          <AudienceFact audience={service.audience} />
          <li>{service.free ? t("cost.free") : t("cost.paid")}</li>
          {service.languages.length > 0 ? (
            <li>{t("search:speaks", { languages: service.languages.map((code) => languageNameInSentence(code, language)).join(", ") })}</li>
          ) : null}
        </ul>
        <Text value={service.eligibility} />
        {service.fees ? (
          <>
            <h3>{t("cost.title")}</h3>
            <Text value={service.fees} />
          </>
        ) : null}
        {service.interpretation ? (
          <>
            <h3>{t("interpretation")}</h3>
            <Text value={service.interpretation} />
          </>
        ) : null}
      </section>

      {service.applicationProcess ? (
        <section aria-labelledby="apply-title">
          <h2 id="apply-title">{t("apply")}</h2>
          <Text value={service.applicationProcess} />
        </section>
      ) : null}

      {service.sites.length > 0 ? (
        <section aria-labelledby="where-title">
          <h2 id="where-title">{t("where", { count: service.sites.length })}</h2>
          <ul className="sites">
            {service.sites.map((site) => (
              <Site key={site.id} site={site} />
            ))}
          </ul>
          <MapView markers={markers} center={REGIONS[service.region].center} label={t("mapLabel")} />
        </section>
      ) : null}

      <section aria-labelledby="about-title">
        <h2 id="about-title">{t("about", { organization: service.organization.name })}</h2>
        <Text value={service.organization.description} />
        {service.organization.website ? (
          <p>
            <a href={service.organization.website} rel="noreferrer">
              {t("website")}
            </a>
          </p>
        ) : null}
      </section>

      {service.assuredDate ? (
        <p className="verified">
          {t("verified", { date: formatDate(service.assuredDate, language) })}
          {loaderData.checkedLongAgo ? (
            <>
              {" "}
              <strong>{t("checkedLongAgo")}</strong>
            </>
          ) : null}
        </p>
      ) : null}
    </article>
  );
}
