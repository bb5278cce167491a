import type { OpeningStatus } from "~/directory/hours";
import { describeOpening } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { useT } from "~/i18n/use-t";

/**
 * A card's opening facts: "Open now, until 5:00 PM" on screen; on paper, where "now" goes stale by
 * the time the sheet is read, the week's hours instead (`week`, in words). Two items of the card's facts list.
 */
export function OpeningFacts({ opening, week }: { opening: OpeningStatus; week: string }) {
  const t = useT("service");
  const language = useLanguage();
  const now = describeOpening(opening, t, language);
  const printsWeek = week !== "" && opening.kind !== "always-open";
  return (
    <>
      {now ? <li className={`fact-opening opening-${opening.kind}${printsWeek ? " screen-only" : ""}`}>{now}</li> : null}
      {printsWeek ? <li className="print-only">{week}</li> : null}
    </>
  );
}
