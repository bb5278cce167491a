import { useT } from "~/i18n/use-t";
import { Link } from "react-router";
import { CrisisLines } from "~/components/CrisisLines";
import { useLanguage } from "~/i18n/use-language";
import { requireLanguage } from "~/i18n/locale.server";
import { serverT } from "~/i18n/resources.server";
import { readAnswers } from "~/questionnaire/cookie.server";
import type { ScriptsHandle } from "~/root";
import type { Route } from "./+types/questionnaire-danger";

export async function loader({ request, params }: Route.LoaderArgs) {
  const language = requireLanguage(params);
  const answers = await readAnswers(request);
  return { title: serverT(language)("questionnaire:meta.title"), region: answers.place?.region ?? null };
}

export const handle: ScriptsHandle = { scripts: false };

/** These pages show a family's answers: never kept by the browser or anything in between. */
export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title }];

/** "Someone is in danger": emergency and crisis help first, before any other question. */
export default function Danger({ loaderData }: Route.ComponentProps) {
  const t = useT("questionnaire");
  const language = useLanguage();
  return (
    <section className="danger-page" aria-labelledby="danger-title">
      <h1 id="danger-title">{t("danger.title")}</h1>
      <p className="lead">{t("danger.body")}</p>
      <CrisisLines region={loaderData.region} id="danger-help" expanded title={t("danger.linesTitle")} />
      <h2>{t("danger.afterTitle")}</h2>
      <p>{t("danger.after")}</p>
      <p>
        <Link to={`/${language}/questionnaire/who`} className="tap-link">
          {t("danger.continue")}
        </Link>
      </p>
    </section>
  );
}
