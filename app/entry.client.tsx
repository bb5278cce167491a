/**
 * The browser's entry: loads the page's words (one cached script per language), then hydrates.
 * Until then the page is the server's HTML, which works on its own.
 */
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { HydratedRouter } from "react-router/dom";
import { i18nFor } from "~/i18n/i18n";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/languages";
import { loadResources } from "~/i18n/resources.client";

const pageLanguage = document.documentElement.lang;
const language = isLanguage(pageLanguage) ? pageLanguage : DEFAULT_LANGUAGE;

void loadResources(language).then((resources) => {
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18nFor(language, resources)}>
        <StrictMode>
          <HydratedRouter />
        </StrictMode>
      </I18nextProvider>,
    );
  });
});
