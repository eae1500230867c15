import type { ServerResponse } from 'node:http';

/** Comments keep idle connections from being dropped by anything that times out silent sockets. */
const KEEP_ALIVE_MS = 15_000;

/**
 * The test host's stand-in for IPC events: every open `GET /__events` response is a server-sent
 * events stream, and `send` writes each service event to all of them.
 */
export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor() {
    this.keepAlive = setInterval(() => this.writeAll(': keep-alive\n\n'), KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  /** Takes over a response as an event stream until the client disconnects. */
  attach(response: ServerResponse, headers: Record<string, string>): void {
    response.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // Sent at once so the browser fires `open`; the injected api waits for it before its first call,
    // so no event that a call causes can be emitted before the stream is listening.
    response.write(': connected\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  send(event: string, payload: unknown): void {
    this.writeAll(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  }

  /** Ends every stream so `server.close()` is not held open by them. */
  close(): void {
    clearInterval(this.keepAlive);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private writeAll(chunk: string): void {
    for (const client of this.clients) client.write(chunk);
  }
}
