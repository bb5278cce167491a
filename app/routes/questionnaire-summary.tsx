import { useT } from "~/i18n/use-t";
import { Form, Link, redirect } from "react-router";
import { dbContext } from "~/db.server";
import { languageNameInSentence } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { requireLanguage } from "~/i18n/locale.server";
import { serverT } from "~/i18n/resources.server";
import { recordUnmetNeeds } from "~/matching/unmet-needs.server";
import { matchForFamily } from "~/matching/results.server";
import { firstMissingStep, unmetToRecord, type Step } from "~/questionnaire/answers";
import { answersCookieHeader, readAnswers } from "~/questionnaire/cookie.server";
import { describeChildren } from "~/questionnaire/summary";
import type { ScriptsHandle } from "~/root";
import type { Route } from "./+types/questionnaire-summary";

export async function loader({ request, params }: Route.LoaderArgs) {
  const language = requireLanguage(params);
  const answers = await readAnswers(request);
  const missing = firstMissingStep(answers);
  if (missing) return redirect(`/${language}/questionnaire/${missing}?missing=1`);
  return { title: serverT(language)("questionnaire:meta.title"), answers, region: answers.place?.region ?? null };
}

export const handle: ScriptsHandle = { scripts: false };

/** These pages show a family's answers: never kept by the browser or anything in between. */
export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title }];

/** "Show my results": the moment a family's unmet needs are counted, each once (unmetToRecord). */
export async function action({ request, params, context }: Route.ActionArgs) {
  const language = requireLanguage(params);
  const answers = await readAnswers(request);
  const missing = firstMissingStep(answers);
  if (missing) return redirect(`/${language}/questionnaire/${missing}?missing=1`);
  const db = context.get(dbContext);
  const region = answers.place!.region;
  const unmet = unmetToRecord(answers, region, matchForFamily(db, answers, new Date()).unmetNeeds);
  if (unmet.needs.length === 0) return redirect(`/${language}/results`);
  recordUnmetNeeds(db, { needs: unmet.needs, region, language, role: answers.role }, new Date());
  return redirect(`/${language}/results`, { headers: { "Set-Cookie": await answersCookieHeader(unmet.answers) } });
}

function Row({ step, label, children }: { step: Step; label: string; children: React.ReactNode }) {
  const t = useT("questionnaire");
  const language = useLanguage();
  return (
    <div className="summary-row">
      <dt>{label}</dt>
      <dd>
        {children}{" "}
        <Link to={`/${language}/questionnaire/${step}?from=summary`} className="change-link">
          {t("summary.change")}
          <span className="visually-hidden"> {label}</span>
        </Link>
      </dd>
    </div>
  );
}

export default function Summary({ loaderData }: Route.ComponentProps) {
  const t = useT("questionnaire");
  const language = useLanguage();
  const { answers } = loaderData;
  const limits = [
    answers.freeOnly ? t("preferences.free") : null,
    answers.eveningsOrWeekends ? t("preferences.evenings") : null,
    answers.noCar ? t("preferences.noCar") : null,
  ].filter(Boolean);

  return (
    <section className="questionnaire" aria-labelledby="summary-title">
      <h1 id="summary-title">{t("summary.title")}</h1>
      <p>{t("summary.intro")}</p>
      <dl className="summary">
        <Row step="who" label={t("summary.who")}>
          {answers.role ? t(`who.roles.${answers.role}`) : "—"}
        </Row>
        <Row step="children" label={t("summary.children")}>
          {describeChildren(answers, t)}
        </Row>
        <Row step="place" label={t("summary.place")}>
          {answers.place?.label}
        </Row>
        <Row step="needs" label={t("summary.needs")}>
          {answers.needs.map((need) => t(`taxonomy:needs.${need}.name`)).join(", ")}
        </Row>
        <Row step="preferences" label={t("summary.languages")}>
          {answers.languages.map((code) => languageNameInSentence(code, language)).join(", ") || t("summary.anyLanguage")}
        </Row>
        <Row step="preferences" label={t("summary.limits")}>
          {limits.join(", ") || t("summary.noLimits")}
        </Row>
      </dl>
      <Form method="post">
        <button type="submit">{t("summary.showResults")}</button>
      </Form>
    </section>
  );
}
