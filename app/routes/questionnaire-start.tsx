import { redirect } from "react-router";
import { requireLanguage } from "~/i18n/locale.server";
import { firstMissingStep } from "~/questionnaire/answers";
import { readAnswers } from "~/questionnaire/cookie.server";
import type { Route } from "./+types/questionnaire-start";

/** Starts the questionnaire, or picks it up where the family left it. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const language = requireLanguage(params);
  const missing = firstMissingStep(await readAnswers(request));
  return redirect(`/${language}/questionnaire/${missing ?? "safety"}`);
}

/**
 * Never shown: the loader always redirects. The route is a page all the same, not a data-only one,
 * so that a language we do not have ("/xx/questionnaire") gets the site's 404 page, not bare data.
 */
export default function QuestionnaireStart() {
  return null;
}
