/** Words for the questionnaire's summary. Pure: the summary screen and its tests share them. */
import type { TFunction } from "i18next";
import { childAgeInput, type Answers } from "./answers";

/**
 * The children row: a pregnancy and the children's ages said apart ("Pregnant; child: 8 months"),
 * since "pregnancy, 8 months" reads as eight months pregnant.
 */
export function describeChildren({ pregnant, childAgesMonths }: Pick<Answers, "pregnant" | "childAgesMonths">, t: TFunction): string {
  const ages = childAgesMonths
    .map((months) => {
      const input = childAgeInput(months);
      return t(input.unit === "months" ? "questionnaire:summary.ageMonths" : "questionnaire:summary.ageYears", { count: Number(input.value) });
    })
    .join(", ");
  if (pregnant && ages) return t("questionnaire:summary.pregnantAndChildren", { count: childAgesMonths.length, ages });
  if (pregnant) return t("questionnaire:summary.pregnant");
  return ages || t("questionnaire:summary.noChildren");
}
