import { useLocation } from "react-router";
import { useT } from "~/i18n/use-t";
import { LANGUAGES, type Language } from "~/i18n/languages";

/** Each language's own name, so a reader finds theirs whatever the page's language. */
const OWN_NAMES: Record<Language, string> = { vi: "Tiếng Việt", en: "English", cs: "Čeština" };

/** The same page and query in another language. */
export function switchLanguagePath(pathname: string, search: string, target: Language): string {
  const rest = pathname.split("/").slice(2).join("/");
  return `/${target}${rest ? `/${rest}` : ""}${search}`;
}

export function LanguageSwitcher({ current }: { current: Language }) {
  const t = useT();
  const location = useLocation();
  return (
    <nav aria-label={t("language.label")} className="language-switcher">
      <ul>
        {LANGUAGES.map((language) => (
          <li key={language}>
            <a
              href={switchLanguagePath(location.pathname, location.search, language)}
              hrefLang={language}
              lang={language}
              aria-current={language === current ? "true" : undefined}
            >
              {OWN_NAMES[language]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
