import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { mimeTypeOf, resolveAppFile } from '../services/app-files';
import { APP_SCHEME } from '../services/url-policy';

/**
 * Must run before `app` is ready: `app:` is a standard, secure scheme so relative URLs, fetch and
 * storage behave as on https, and the page gets a real origin (`app://alliance`) instead of file://.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the compiled app bundle between starts (by default only http(s) pages get
    // this), which roughly halves the time to an interactive unlock screen. It holds app code only.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

// Every response carries the CSP, errors included, so no page from this scheme ever runs without it.
const baseHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

const notFound = (): Response =>
  new Response('Not found', { status: 404, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

/** Serves the built renderer folder on app://alliance/; anything outside it is a 404. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: baseHeaders });
    }
    const file = resolveAppFile(rendererDir, request.url);
    if (file === null) return notFound();
    try {
      const body = await readFile(file);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: { ...baseHeaders, 'Content-Type': mimeTypeOf(file) },
      });
    } catch {
      // Missing file, or a folder: the same 404 either way, without echoing the path.
      return notFound();
    }
  });
}
