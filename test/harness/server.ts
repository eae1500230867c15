import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { Result } from '../../shared/errors';
import type { Dispatch } from '../../electron/services/ipc/dispatch';
import { dialogKinds, type HarnessDialogs } from './harness-dialogs';
import type { EventStream } from './event-stream';
import { mimeTypeOf, resolveStaticFile } from './static-files';
import { readBody } from './read-body';

export const SESSION_COOKIE = 'harness_session';
const MAX_BODY_BYTES = 1024 * 1024;

export interface HarnessServerOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The secret in the printed URL; the session cookie carries the same value. */
  token: string;
  dispatch: Dispatch;
  dialogs: HarnessDialogs;
  events: EventStream;
  /** Text of /__harness/api.js (see api-script.ts). */
  apiScript: string;
  /**
   * What the Electron shell does on an OS event, for `POST /__harness/os-event`: the host has no
   * powerMonitor and tests cannot wait out the idle timer, so they ask for the event instead.
   */
  osEvent: (event: HarnessOsEvent) => void;
}

/**
 * `suspend` and `lock-screen` are the powerMonitor events electron/main/os-lock.ts answers; `idle` is
 * the idle timer firing (IdleLock's callback, whose timing auto-lock.test.ts checks with a fake clock).
 */
export const harnessOsEvents = ['suspend', 'lock-screen', 'idle'] as const;
export type HarnessOsEvent = (typeof harnessOsEvents)[number];

/**
 * Every response carries these. The CSP is the app's own, so the renderer is tested under the same
 * policy as in Electron (it is harmless on JSON and event streams, so it is simply sent everywhere).
 */
const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
} as const;

const dialogAnswerSchema = z.strictObject({ kind: z.enum(dialogKinds), answer: z.string().min(1).nullable() });
const osEventSchema = z.strictObject({ event: z.enum(harnessOsEvents) });

/**
 * The loopback host: serves the built renderer (with the test window.api injected), forwards
 * `POST /__api/<method>` to the real services' dispatch, streams service events, and lets tests answer
 * OS dialogs. Nothing is served without the session cookie obtained from the token URL.
 */
export function createHarnessServer(options: HarnessServerOptions): http.Server {
  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      process.stderr.write(`[harness] ${request.method ?? '?'} ${request.url ?? '?'} failed: ${describe(error)}\n`);
      if (!response.headersSent) sendText(response, 500, 'Internal error in the test host.');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = ownOrigin(server);
    // A page on another name that resolves to 127.0.0.1 (DNS rebinding) has a different Host header.
    if (request.headers.host !== new URL(origin).host) return sendText(response, 403, 'Forbidden.');
    const url = new URL(request.url ?? '/', origin);
    const method = request.method ?? 'GET';

    const offeredToken = url.searchParams.get('token');
    if (method === 'GET' && url.pathname === '/' && offeredToken !== null) {
      if (!sameSecret(offeredToken, options.token)) return sendText(response, 403, 'Forbidden.');
      // The token leaves the address bar at once; from here on the HttpOnly cookie authenticates.
      response.writeHead(302, {
        ...BASE_HEADERS,
        'Set-Cookie': `${SESSION_COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
      response.end();
      return;
    }
    if (!sameSecret(sessionCookie(request) ?? '', options.token)) return sendText(response, 403, 'Forbidden.');
    // Belt and braces with SameSite=Strict: a state-changing request from another origin is refused.
    if (method !== 'GET' && request.headers.origin !== undefined && request.headers.origin !== origin) {
      return sendText(response, 403, 'Forbidden.');
    }

    if (url.pathname.startsWith('/__api/')) {
      if (method !== 'POST') return sendText(response, 405, 'Use POST.');
      return sendJson(response, await callService(request, url.pathname.slice('/__api/'.length)));
    }
    if (url.pathname === '/__events') {
      if (method !== 'GET') return sendText(response, 405, 'Use GET.');
      return options.events.attach(response, BASE_HEADERS);
    }
    if (url.pathname === '/__harness/api.js') {
      return sendBody(response, 200, 'text/javascript; charset=utf-8', options.apiScript);
    }
    if (url.pathname === '/__harness/dialog') {
      if (method !== 'POST') return sendText(response, 405, 'Use POST.');
      return sendJson(response, await queueDialogAnswer(request));
    }
    if (url.pathname === '/__harness/os-event') {
      if (method !== 'POST') return sendText(response, 405, 'Use POST.');
      return sendJson(response, await simulateOsEvent(request));
    }
    if (url.pathname === '/__harness/shown-in-folder') {
      // The files the app asked the OS to show, so a test can check "Show in folder" without a file manager.
      return sendJson(response, { ok: true, value: { files: options.dialogs.shownInFolder } });
    }
    if (method !== 'GET' && method !== 'HEAD') return sendText(response, 405, 'Method not allowed.');
    if (url.pathname === '/' || url.pathname === '/index.html') return sendIndex(response);

    const file = await resolveStaticFile(options.rendererDir, url.pathname);
    if (file !== null) return sendBody(response, 200, mimeTypeOf(file), await readFile(file));
    // Client-side routes (no file extension) get the app page, as a reload on such a route would.
    if (path.posix.extname(url.pathname) === '') return sendIndex(response);
    return sendText(response, 404, 'Not found.');
  }

  async function callService(request: IncomingMessage, encodedMethod: string): Promise<Result<unknown>> {
    const body = await readJson(request);
    if (!body.ok) return body;
    let methodName: string;
    try {
      methodName = decodeURIComponent(encodedMethod);
    } catch {
      methodName = encodedMethod;
    }
    // dispatch refuses names outside the contract and inputs that fail its schema.
    return options.dispatch(methodName, body.value);
  }

  async function queueDialogAnswer(request: IncomingMessage): Promise<Result<unknown>> {
    const body = await readJson(request);
    if (!body.ok) return body;
    const parsed = dialogAnswerSchema.safeParse(body.value);
    if (!parsed.success) return validation('Expected { kind: "save" | "folder" | "open", answer: string | null }.');
    options.dialogs.queueAnswer(parsed.data.kind, parsed.data.answer);
    return { ok: true, value: {} };
  }

  async function simulateOsEvent(request: IncomingMessage): Promise<Result<unknown>> {
    const body = await readJson(request);
    if (!body.ok) return body;
    const parsed = osEventSchema.safeParse(body.value);
    if (!parsed.success) return validation(`Expected { event: ${harnessOsEvents.map((name) => `"${name}"`).join(' | ')} }.`);
    options.osEvent(parsed.data.event);
    return { ok: true, value: {} };
  }

  /** The shipped index.html plus one classic script before the first script: the test window.api. */
  async function sendIndex(response: ServerResponse): Promise<void> {
    const html = await readFile(path.join(options.rendererDir, 'index.html'), 'utf8');
    const tag = '<script src="/__harness/api.js"></script>';
    const first = html.search(/<script/i);
    const injected =
      first >= 0 ? `${html.slice(0, first)}${tag}\n    ${html.slice(first)}` : html.replace(/<\/head>/i, `${tag}</head>`);
    sendBody(response, 200, 'text/html; charset=utf-8', injected);
  }

  return server;
}

/** The body as JSON; an empty body means "no input", like a preload call without an argument. */
async function readJson(request: IncomingMessage): Promise<{ ok: true; value: unknown } | Failure> {
  const body = await readBody(request, MAX_BODY_BYTES);
  if (body === 'too-large') return validation('The request is larger than 1 MiB.');
  const text = body.toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return validation('The request body is not valid JSON.');
  }
}

type Failure = Extract<Result<never>, { ok: false }>;
const validation = (message: string): Failure => ({ ok: false, error: { code: 'VALIDATION', message } });

function sendBody(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { ...BASE_HEADERS, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  // HEAD gets the headers only; node leaves the body out for HEAD on its own.
  response.end(body);
}

const sendText = (response: ServerResponse, status: number, text: string): void =>
  sendBody(response, status, 'text/plain; charset=utf-8', text);

/** Always 200: success or failure lives in the Result envelope, exactly as over IPC. */
const sendJson = (response: ServerResponse, result: Result<unknown>): void =>
  sendBody(response, 200, 'application/json; charset=utf-8', JSON.stringify(result));

function sessionCookie(request: IncomingMessage): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return null;
}

/** Constant-time, so the token cannot be guessed a character at a time from response timings. */
function sameSecret(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function ownOrigin(server: http.Server): string {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return `http://127.0.0.1:${port}`;
}

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
