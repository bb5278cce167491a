import type { Audience } from "~/taxonomy/audiences";
import { useT } from "~/i18n/use-t";

/** "Women only" / "Men only": an item of a service's facts list, for the services that take one sex only. */
export function AudienceFact({ audience }: { audience: Audience | null }) {
  const t = useT("service");
  return audience ? <li className="fact-audience">{t(`audience.${audience}`)}</li> : null;
}
