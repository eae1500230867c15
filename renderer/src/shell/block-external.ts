/**
 * Defence in depth for "the window never leaves the app": in Electron, main's setWindowOpenHandler
 * (deny) and will-navigate guard already stop new windows and navigation away from app://alliance
 * (electron/main/harden.ts). This does the same from inside the page, so the renderer is safe on its
 * own and behaves identically under the test host, where there is no Electron behind it:
 * - `window.open` refuses and returns null, as a blocked popup does;
 * - a click (any button, with or without modifier keys) on a link whose target is not the app's own
 *   origin does nothing. Notes cannot hold links (shared/rich-text.ts has no link mark), and the app
 *   has no "open in browser" feature, so no legitimate link ever points elsewhere.
 * What the page cannot stop itself (a script assigning `location`) is left to the Electron guard.
 */

/** True when `href`, resolved against the page, stays on the page's own scheme and host. */
export function isOwnOriginLink(href: string, base: string = document.baseURI): boolean {
  let target: URL;
  let own: URL;
  try {
    target = new URL(href, base);
    own = new URL(base);
    // A blob: URL made by this page carries the page's origin inside it.
    if (target.protocol === 'blob:') target = new URL(target.pathname);
  } catch {
    return false;
  }
  // Compared by scheme and host rather than `origin`, which is "null" for custom schemes in some
  // browsers; app://alliance is registered as standard, so both agree there.
  return target.protocol === own.protocol && target.host === own.host;
}

function linkHref(element: Element): string | null {
  if (element instanceof HTMLAnchorElement || element instanceof HTMLAreaElement) {
    return element.hasAttribute('href') ? element.getAttribute('href') : null;
  }
  // <a> inside an <svg>: its href is an attribute, possibly namespaced.
  return element.getAttribute('href') ?? element.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
}

function refuseOutsideLinks(event: MouseEvent): void {
  for (const node of event.composedPath()) {
    if (!(node instanceof Element)) continue;
    if (node.localName !== 'a' && node.localName !== 'area') continue;
    const href = linkHref(node);
    if (href !== null && !isOwnOriginLink(href)) {
      event.preventDefault();
      // The link is dead, not broken: nothing else on the page acts on this click either.
      event.stopImmediatePropagation();
    }
    return;
  }
}

let installed = false;

/** Installs the guards once, before the app renders. */
export function blockExternalNavigation(win: Window = window): void {
  if (installed) return;
  installed = true;
  Object.defineProperty(win, 'open', {
    value: function open(): null {
      return null;
    },
    writable: false,
    configurable: false,
  });
  // Capture phase on the window: runs before any handler in the page, so nothing can re-enable a link.
  win.addEventListener('click', refuseOutsideLinks, { capture: true });
  win.addEventListener('auxclick', refuseOutsideLinks, { capture: true });
}
