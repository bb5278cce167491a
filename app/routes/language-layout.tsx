import { Outlet } from "react-router";
import { requireLanguage } from "~/i18n/locale.server";
import type { Route } from "./+types/language-layout";

/** Every page lives under /vi, /en or /cs; any other first segment is a 404. */
export function loader({ params }: Route.LoaderArgs) {
  requireLanguage(params);
  return null;
}

export default function LanguageLayout() {
  return <Outlet />;
}
