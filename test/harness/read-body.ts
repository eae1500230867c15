import type { IncomingMessage } from 'node:http';

/**
 * Collects a request body up to `limit` bytes. A larger body is still read to its end (and thrown
 * away) so the client receives our answer instead of a reset connection, which the injected api would
 * report as "could not reach its services" rather than as the validation error it is.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
