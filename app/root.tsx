import { useContext, useEffect } from "react";
import { I18nContext } from "react-i18next";
import { useT } from "~/i18n/use-t";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunctionArgs,
  useLocation,
  useMatches,
  useRouteLoaderData,
} from "react-router";
import { CrisisLines } from "~/components/CrisisLines";
import { ErrorPage } from "~/components/ErrorPage";
import { LanguageSwitcher, switchLanguagePath } from "~/components/LanguageSwitcher";
import { QUICK_EXIT_SCRIPT, QuickExit } from "~/components/QuickExit";
import { publicConfig } from "~/config.server";
import { LANGUAGES } from "~/i18n/languages";
import { requestLanguage } from "~/i18n/locale.server";
import { serverT } from "~/i18n/resources.server";
import { isRegionCode, type RegionCode } from "~/regions";
import type { Route } from "./+types/root";
import "./styles/app.css";

export function loader({ request, url }: Route.LoaderArgs) {
  const language = requestLanguage({ request, url });
  // The tiles' attribution, unless the deployment wrote its own, says "contributors" in the page's language.
  const attribution = publicConfig.map.attribution ?? serverT(language)("common:map.osmAttribution");
  const config = { ...publicConfig, map: { ...publicConfig.map, attribution } };
  return { language, config, origin: url.origin };
}

// The root's data (the language, public settings) changes only with the language, not on every navigation.
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
    // The head's script adds the class "scripted" before React hydrates: not a mismatch to report.
    <html lang={language} suppressHydrationWarning>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Named here, so that browsers do not ask for a missing /favicon.ico on every first visit. */}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {/* same-origin: nothing leaks to other sites, and form posts keep their Origin (React Router checks it against CSRF). */}
        <meta name="referrer" content="same-origin" />
        {/* First in the page, so that Quick exit is quick from the moment anything shows. */}
        <script dangerouslySetInnerHTML={{ __html: QUICK_EXIT_SCRIPT }} />
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
  const t = useT();
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

/**
 * The words come from outside the router (entry.server.tsx, entry.client.tsx), one language per
 * document. Should a client-side navigation ever land in another language, load that page whole.
 */
function useWordsMatchPage() {
  const words = useContext(I18nContext)?.i18n;
  const language = useRouteLoaderData<typeof loader>("root")?.language;
  useEffect(() => {
    if (words && language && words.language !== language) window.location.reload();
  }, [words, language]);
}

export default function App() {
  useWordsMatchPage();
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

/** Errors outside a language's pages (those under /vi, /en, /cs have their own boundary: language-layout.tsx). */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const root = useRouteLoaderData<typeof loader>("root");
  if (!root) {
    // The root loader itself failed: no language or settings to build the page with.
    return (
      <main>
        <h1>Family Navigator</h1>
        <p>Something went wrong. Please try again. · Đã có lỗi. Vui lòng thử lại. · Něco se pokazilo. Zkuste to prosím znovu.</p>
      </main>
    );
  }
  return (
    <Shell>
      <ErrorPage error={error} />
    </Shell>
  );
}
