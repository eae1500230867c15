/**
 * Which URLs the app may load, navigate to or request. The page is served from `app://alliance/`
 * only, and nothing may leave the machine, so the rules are an allow-list. Kept free of 'electron'
 * so the decisions can be unit-tested; electron/main/harden.ts applies them.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'alliance';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// devtools: is Chromium's own bundled DevTools (development builds only open it). data: and blob:
// are in-memory URLs that never reach the network; the CSP already limits where the page uses them.
const LOCAL_SCHEMES = new Set(['devtools:', 'data:', 'blob:']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL on the app's own origin, `app://alliance/…`, with no user, password or port. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Whether a request (page, script, image, fetch) may go ahead; everything else is cancelled. */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parse(url);
  return parsed !== null && LOCAL_SCHEMES.has(parsed.protocol);
}

/** Whether a window may navigate or be redirected to `url`: only within the app's own origin. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}
