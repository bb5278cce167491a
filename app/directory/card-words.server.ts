/**
 * Cards as pages send them: the week's hours put into words once, where the page is made, so the
 * browser hydrates one string per card instead of the week's parts and no browser Intl can word
 * them differently from the server. Not in readSummaries: the word lists are bundled by Vite, and
 * the benchmarks read the directory under plain tsx.
 */
import type { WeekLine } from "~/directory/hours";
import { formatWeek } from "~/i18n/format";
import type { Language } from "~/i18n/languages";
import { serverT } from "~/i18n/resources.server";

export type WeekInWords<Card extends { week: WeekLine[] }> = Omit<Card, "week"> & { week: string };

export function weekInWords<Card extends { week: WeekLine[] }>(card: Card, language: Language): WeekInWords<Card> {
  return { ...card, week: formatWeek(card.week, language, serverT(language)("service:hours.aroundTheClock")) };
}
