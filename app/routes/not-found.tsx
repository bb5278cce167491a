import { data } from "react-router";

/** Any unknown page under a language: the root error boundary shows the localized 404. */
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
