import { useT } from "~/i18n/use-t";
import { useLanguage } from "~/i18n/use-language";
import { requireLanguage } from "~/i18n/locale.server";
import { serverT } from "~/i18n/resources.server";
import { NeedIcon } from "~/taxonomy/NeedIcon";
import { NEED_CODES } from "~/taxonomy/needs";
import type { Route } from "./+types/home";

export function loader({ params }: Route.LoaderArgs) {
  const t = serverT(requireLanguage(params));
  return { title: t("home:meta.title") };
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title }];

export default function Home() {
  const t = useT("home");
  const language = useLanguage();
  return (
    <>
      <section className="hero">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
        <form method="get" action={`/${language}/search`} role="search" className="search-box">
          <label htmlFor="home-q">{t("searchLabel")}</label>
          <div className="search-row">
            <input id="home-q" name="q" type="search" maxLength={200} autoComplete="off" placeholder={t("searchPlaceholder")} />
            <button type="submit">{t("searchButton")}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="questionnaire-title" className="questionnaire-teaser">
        <h2 id="questionnaire-title">{t("questionnaire.title")}</h2>
        <p>{t("questionnaire.body")}</p>
        <p>
          <a className="button" href={`/${language}/questionnaire`}>
            {t("questionnaire.start")}
          </a>
        </p>
      </section>

      <section aria-labelledby="needs-title">
        <h2 id="needs-title">{t("needsTitle")}</h2>
        <ul className="need-grid">
          {NEED_CODES.map((need) => (
            <li key={need}>
              <a href={`/${language}/search?need=${need}`} className="need-card">
                <NeedIcon need={need} />
                <span className="need-name">{t(`taxonomy:needs.${need}.name`)}</span>
                <span className="need-description">{t(`taxonomy:needs.${need}.description`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how-title">
        <h2 id="how-title">{t("how.title")}</h2>
        <ol className="how-steps">
          <li>{t("how.step1")}</li>
          <li>{t("how.step2")}</li>
          <li>{t("how.step3")}</li>
        </ol>
      </section>
    </>
  );
}
