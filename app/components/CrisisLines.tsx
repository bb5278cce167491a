import { useT } from "~/i18n/use-t";
import { useLanguage } from "~/i18n/use-language";
import { REGION_CODES, regionOfLanguage, type RegionCode } from "~/regions";
import { CRISIS_LINES, type CrisisLine } from "~/safety/crisis-lines";

function LineItem({ line }: { line: CrisisLine }) {
  const t = useT();
  return (
    <li>
      <span className="crisis-name">{t(`crisis.lines.${line.id}`)}</span>{" "}
      <a href={`tel:${line.dial}`} className="crisis-number">
        {line.number}
      </a>
      {line.more?.map((more) => (
        <span key={more.id}>
          {" · "}
          {t(`crisis.more.${more.id}`)}{" "}
          <a href={`tel:${more.dial}`} className="crisis-number">
            {more.number}
          </a>
        </span>
      ))}
      {line.alwaysOpen ? <span className="crisis-hours"> · {t("crisis.alwaysOpen")}</span> : null}
    </li>
  );
}

function RegionLines({ region, open, idPrefix }: { region: RegionCode; open: boolean; idPrefix: string }) {
  const t = useT();
  const lines = CRISIS_LINES[region];
  const emergency = lines.filter((line) => line.emergency);
  const others = lines.filter((line) => !line.emergency);
  return (
    <div className="crisis-region">
      <h3 id={`${idPrefix}-${region}`}>{t(`regions.${region}`)}</h3>
      <ul className="crisis-emergency">
        {emergency.map((line) => (
          <LineItem key={line.id} line={line} />
        ))}
      </ul>
      <details open={open}>
        <summary>{t("crisis.moreLines", { count: others.length })}</summary>
        <ul>
          {others.map((line) => (
            <LineItem key={line.id} line={line} />
          ))}
        </ul>
      </details>
    </div>
  );
}

/**
 * The region's emergency and crisis numbers, on every public page. When the page is about one region
 * (a service, a located search) that region comes first and opens. Otherwise all three are shown,
 * the region of the page's language first: a Czech reader looks for 112 before 911.
 */
export function CrisisLines({
  region,
  id = "help-now",
  expanded = false,
  title,
}: {
  region: RegionCode | null;
  id?: string;
  expanded?: boolean;
  /** A page that shows the lines twice names the second list differently (landmarks need unique names). */
  title?: string;
}) {
  const t = useT();
  const language = useLanguage();
  const first = region ?? regionOfLanguage(language);
  const regions = [first, ...REGION_CODES.filter((code) => code !== first)];
  return (
    <aside id={id} className="crisis" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title ?? t("crisis.title")}</h2>
      <p>{t("crisis.intro")}</p>
      {expanded && region === null ? (
        // Where the family is is not known yet (the danger question comes first): the page language's
        // region leads, and one tap reaches the others — a Vietnamese father in Brno needs 112, not 113.
        <nav className="crisis-where" aria-labelledby={`${id}-where`}>
          <p id={`${id}-where`}>{t("crisis.whereAreYou")}</p>
          <ul>
            {regions.map((code) => (
              <li key={code}>
                <a href={`#${id}-${code}`}>{t(`regions.${code}`)}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="crisis-regions">
        {regions.map((code) => (
          <RegionLines key={code} region={code} open={expanded || code === region} idPrefix={id} />
        ))}
      </div>
    </aside>
  );
}
