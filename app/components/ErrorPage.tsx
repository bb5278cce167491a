import { isRouteErrorResponse, useRouteLoaderData } from "react-router";
import { useT } from "~/i18n/use-t";
import type { loader as rootLoader } from "~/root";

/** What a page that cannot be shown says instead, in the page's language, with a way on. */
export function ErrorPage({ error }: { error: unknown }) {
  const t = useT();
  const root = useRouteLoaderData<typeof rootLoader>("root")!;
  const key = isRouteErrorResponse(error) && error.status === 404 ? "notFound" : "serverError";
  return (
    <section className="error-page">
      <title>{`${t(`errors.${key}.title`)} – ${t("brand")}`}</title>
      <h1>{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.body`)}</p>
      <p>
        <a href={`/${root.language}`}>{t("errors.home")}</a> · <a href={`/${root.language}/search`}>{t("errors.search")}</a>
      </p>
    </section>
  );
}
