import { useEffect, useState } from "react";
import { useT } from "~/i18n/use-t";

/** Pressing Shift this many times within WINDOW_MS leaves at once. */
const SHIFT_PRESSES = 3;
const WINDOW_MS = 1500;

function leave(url: string) {
  // replace(): the portal's page leaves history, so Back does not return to it.
  window.location.replace(url);
}

/**
 * "Quick exit": for someone whose screen may be watched. Without JavaScript it is a plain link to the
 * neutral site; with JavaScript the current page is replaced, and Shift pressed three times does the same
 * (the hint read to screen readers mentions the shortcut once it works).
 */
export function QuickExit({ url }: { url: string }) {
  const t = useT();
  // The shortcut only works once this page's script runs: until then the hint does not offer it.
  const [shortcut, setShortcut] = useState(false);

  useEffect(() => {
    let presses: number[] = [];
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Shift" || event.repeat) return;
      const now = Date.now();
      presses = [...presses.filter((time) => now - time < WINDOW_MS), now];
      if (presses.length >= SHIFT_PRESSES) leave(url);
    };
    window.addEventListener("keydown", onKeyDown);
    setShortcut(true);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [url]);

  return (
    <a
      href={url}
      className="quick-exit"
      rel="noreferrer"
      referrerPolicy="no-referrer"
      aria-describedby="quick-exit-hint"
      onClick={(event) => {
        event.preventDefault();
        leave(url);
      }}
    >
      {t("quickExit.label")}
      <span id="quick-exit-hint" className="visually-hidden">
        {t("quickExit.hint")}
        {shortcut ? ` ${t("quickExit.shortcut")}` : null}
      </span>
    </a>
  );
}
