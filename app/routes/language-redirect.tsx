import { redirect } from "react-router";
import { languageFromAcceptLanguage } from "~/i18n/locale.server";
import type { Route } from "./+types/language-redirect";

export function loader({ request }: Route.LoaderArgs) {
  const language = languageFromAcceptLanguage(request.headers.get("Accept-Language"));
  return redirect(`/${language}`, { headers: { Vary: "Accept-Language" } });
}
