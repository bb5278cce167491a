import { useT } from "~/i18n/use-t";

/** Pressing Shift this many times within WINDOW_MS leaves at once. */
const SHIFT_PRESSES = 3;
const WINDOW_MS = 1500;

/**
 * What makes "Quick exit" quick, as a small script in every page's head rather than React code:
 * it works from the first instant a page shows, before (and without) the page's own JavaScript —
 * the questionnaire's screens load none. A click on the link, or Shift pressed three times in a
 * row, replaces the page with the link's neutral site, so the portal's page leaves history and
 * Back does not return to it. Any other key in between starts the count again: typing "Thành Phố
 * Hồ" must not throw away what the family wrote. It also marks the page `scripted`, for the
 * styles of what only works with scripts. Plain ES5, written once here, untouched by the bundler.
 */
export const QUICK_EXIT_SCRIPT = `(function () {
  document.documentElement.classList.add("scripted");
  var presses = [];
  function leave(link) { if (link) window.location.replace(link.href); }
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a.quick-exit") : null;
    if (!link) return;
    event.preventDefault();
    leave(link);
  }, true);
  window.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { presses = []; return; }
    if (event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < ${WINDOW_MS}; }).concat(now);
    if (presses.length >= ${SHIFT_PRESSES}) leave(document.querySelector("a.quick-exit"));
  });
})();`;

/**
 * "Quick exit": for someone whose screen may be watched. Without JavaScript it is a plain link to the
 * neutral site; with it, QUICK_EXIT_SCRIPT (root.tsx) makes it replace the page. The hint read to
 * screen readers mentions the shortcut only where scripts run (styles: `html.scripted`).
 */
export function QuickExit({ url }: { url: string }) {
  const t = useT();
  return (
    <a href={url} className="quick-exit" rel="noreferrer" referrerPolicy="no-referrer" aria-describedby="quick-exit-hint">
      {t("quickExit.label")}
      <span id="quick-exit-hint" className="visually-hidden">
        {t("quickExit.hint")}
        <span className="quick-exit-shortcut"> {t("quickExit.shortcut")}</span>
      </span>
    </a>
  );
}
