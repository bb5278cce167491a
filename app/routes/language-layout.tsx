import { Outlet } from "react-router";
import { ErrorPage } from "~/components/ErrorPage";
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

/**
 * A page under a language that fails, or a request it cannot take (a form posted where no form
 * goes), is shown inside the page's frame: its language, Quick exit and the crisis numbers stay.
 * The root's boundary would not have the page's language: after a failed post, React Router only
 * loads the data of routes above the boundary that shows the error.
 */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
