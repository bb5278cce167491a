import { useMemo } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  type ShouldRevalidateFunctionArgs,
  useLocation,
  useMatches,
  useRouteLoaderData,
} from "react-router";
import { CrisisLines } from "~/components/CrisisLines";
import { LanguageSwitcher, switchLanguagePath } from "~/components/LanguageSwitcher";
import { QuickExit } from "~/components/QuickExit";
import { publicConfig } from "~/config.server";
import { createI18n } from "~/i18n/i18n";
import { LANGUAGES } from "~/i18n/languages";
import { requestLanguage } from "~/i18n/locale.server";
import { resourcesFor } from "~/i18n/resources.server";
import { isRegionCode, type RegionCode } from "~/regions";
import type { Route } from "./+types/root";
import "./styles/app.css";

export function loader({ request }: Route.LoaderArgs) {
  const language = requestLanguage(request);
  return { language, resources: resourcesFor(language), config: publicConfig, origin: new URL(request.url).origin };
}

// Reload the words only when the language changes, not on every navigation.
export function shouldRevalidate({ currentUrl, nextUrl }: ShouldRevalidateFunctionArgs) {
  return currentUrl.pathname.split("/")[1] !== nextUrl.pathname.split("/")[1];
}

/** The region a page is about, when its loader says so (`region` in its data). */
function usePageRegion(): RegionCode | null {
  const matches = useMatches();
  for (const match of [...matches].reverse()) {
    const region = (match.data as { region?: unknown } | undefined)?.region;
    if (isRegionCode(region)) return region;
  }
  return null;
}

/**
 * Pages that work fully as plain HTML can opt out of JavaScript (`handle.scripts`), so a questionnaire
 * screen stays light on a slow phone connection. A function decides per page from its loader data.
 */
export interface ScriptsHandle {
  scripts?: boolean | ((data: unknown) => boolean);
}

function useScriptsWanted(): boolean {
  return useMatches().every((match) => {
    const scripts = (match.handle as ScriptsHandle | undefined)?.scripts;
    return typeof scripts === "function" ? scripts(match.data) : scripts !== false;
  });
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const scripts = useScriptsWanted();
  const language = root?.language ?? "en";
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* same-origin: nothing leaks to other sites, and form posts keep their Origin (React Router checks it against CSRF). */}
        <meta name="referrer" content="same-origin" />
        <Meta />
        <Links />
        {root
          ? LANGUAGES.map((alternate) => (
              <link
                key={alternate}
                rel="alternate"
                hrefLang={alternate}
                href={`${root.origin}${switchLanguagePath(location.pathname, location.search, alternate)}`}
              />
            ))
          : null}
      </head>
      <body>
        {children}
        {scripts ? (
          <>
            <ScrollRestoration />
            <Scripts />
          </>
        ) : null}
      </body>
    </html>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root")!;
  const { t } = useTranslation();
  const region = usePageRegion();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="site-header">
        <a href={`/${root.language}`} className="brand">
          {t("brand")}
        </a>
        <div className="header-tools">
          <a href="#help-now" className="help-now-link">
            {t("crisis.jump")}
          </a>
          <QuickExit url={root.config.quickExitUrl} />
        </div>
        <LanguageSwitcher current={root.language} />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <CrisisLines region={region} />
        <p className="footer-note">{t("footer.demo")}</p>
      </footer>
    </>
  );
}

function WithI18n({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const i18n = useMemo(() => (root ? createI18n(root.language, root.resources) : null), [root?.language]);
  if (!root || !i18n) return <>{children}</>;
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

export default function App() {
  return (
    <WithI18n>
      <Shell>
        <Outlet />
      </Shell>
    </WithI18n>
  );
}

function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  const root = useRouteLoaderData<typeof loader>("root")!;
  const key = status === 404 ? "notFound" : "serverError";
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

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const root = useRouteLoaderData<typeof loader>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!root) {
    // The root loader itself failed: nothing to translate with.
    return (
      <main>
        <h1>Family Navigator</h1>
        <p>Something went wrong. Please try again. · Đã có lỗi. Vui lòng thử lại. · Něco se pokazilo. Zkuste to prosím znovu.</p>
      </main>
    );
  }
  return (
    <WithI18n>
      <Shell>
        <ErrorPage status={status} />
      </Shell>
    </WithI18n>
  );
}
