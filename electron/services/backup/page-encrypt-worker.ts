import { parentPort } from 'node:worker_threads';
import type { PageEncryptReply, PageEncryptRequest } from './page-encrypt-protocol';
import { SqlcipherPages } from './sqlcipher-pages';

/**
 * A restore's SQLCipher page encryption (an AES-256-CBC pass and an HMAC-SHA512 per 4 KiB page, about
 * a second for a 250 MB vault) on a thread of its own, so it runs while the main thread decrypts,
 * untars and hashes the next pieces of the backup instead of after them. The sink (restore-sink.ts)
 * keeps its own copy of every batch until it comes back and writes the file itself, so this thread only
 * ever turns plain bytes into encrypted ones; if it fails or dies, the sink encrypts what is missing.
 */
let key: Buffer | null = null;
let cipher: SqlcipherPages | null = null;
let scratch: Buffer = Buffer.alloc(0);

const post = (reply: PageEncryptReply, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(reply, transfer);

parentPort?.on('message', (message: PageEncryptRequest) => {
  switch (message.type) {
    case 'start':
      // Buffer.from copies: the message's key is wiped at once, and only this copy lives on.
      key = Buffer.from(message.key);
      message.key.fill(0);
      cipher = new SqlcipherPages(key, Buffer.from(message.salt), message.pageSize);
      scratch = Buffer.alloc(message.pageSize);
      return;
    case 'batch':
      return encryptBatch(message.id, message.firstPage, message.bytes);
    case 'stop':
      stop();
      return;
  }
});

function encryptBatch(id: number, firstPage: number, bytes: Uint8Array): void {
  const batch = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (cipher === null) throw new Error('no key');
    const { pageSize } = cipher;
    if (batch.length % pageSize !== 0) throw new Error('not whole pages');
    for (let offset = 0, pageNumber = firstPage; offset < batch.length; offset += pageSize, pageNumber += 1) {
      const page = batch.subarray(offset, offset + pageSize);
      // Through a scratch page rather than in place: encryptPage does not promise to read all of its
      // input before it writes its output.
      cipher.encryptPage(page, pageNumber, scratch);
      scratch.copy(page);
    }
  } catch {
    // Plain pages may still be in it: wiped before it goes back.
    batch.fill(0);
    post({ type: 'failed', id, bytes }, [bytes.buffer as ArrayBuffer]);
    return;
  }
  post({ type: 'encrypted', id, bytes }, [bytes.buffer as ArrayBuffer]);
}

function stop(): void {
  cipher?.dispose();
  cipher = null;
  key?.fill(0);
  key = null;
  scratch.fill(0);
  // Nothing else holds the thread open: closing the port lets it end.
  parentPort?.close();
}

post({ type: 'ready' });
