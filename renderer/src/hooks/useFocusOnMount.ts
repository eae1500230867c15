import { useEffect, useRef } from 'react';

/**
 * Focus for a page's heading when the page opens. A hash-route change swaps the page without a load, so
 * a screen reader would otherwise stay on the link just followed (now gone) and read nothing; focusing
 * the heading reads the new page's name and starts Tab and the reading cursor at its top. The heading
 * needs tabIndex -1 (focusable by script, not a Tab stop). Runs once per mount: pages are keyed by the
 * record they show, so opening another client or note focuses again, while tab switches and refetches
 * leave focus where the practitioner put it.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
