import { parentPort } from 'node:worker_threads';
import type { PageEncryptReply, PageEncryptRequest } from './page-cipher-protocol';
import { PageAuthenticationError, SqlcipherPages } from './sqlcipher-pages';

/**
 * SQLCipher page work (an AES-256-CBC pass and an HMAC-SHA512 per 4 KiB page, about a second for a
 * 250 MB vault) on a thread of its own, so it runs while the main thread does the rest of a restore or
 * backup instead of after it. A restore's sink (restore-sink.ts) has plain pages encrypted here and keeps
 * its own copy of each batch until it comes back; a backup's snapshot reader (snapshot-pages.ts) has
 * vault.db's pages decrypted here and can read any batch again from the file. So this thread only ever
 * turns one form into the other, and if it fails or dies, its user does the work itself.
 */
let key: Buffer | null = null;
let cipher: SqlcipherPages | null = null;
let decrypting = false;
let scratch: Buffer = Buffer.alloc(0);

const post = (reply: PageEncryptReply, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(reply, transfer);

parentPort?.on('message', (message: PageEncryptRequest) => {
  switch (message.type) {
    case 'start':
      // Buffer.from copies: the message's key is wiped at once, and only this copy lives on.
      key = Buffer.from(message.key);
      message.key.fill(0);
      decrypting = message.decrypt === true;
      cipher = new SqlcipherPages(key, Buffer.from(message.salt), message.pageSize);
      scratch = Buffer.alloc(message.pageSize);
      return;
    case 'batch':
      return decrypting ? decryptBatch(message.id, message.firstPage, message.bytes) : encryptBatch(message.id, message.firstPage, message.bytes);
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

function decryptBatch(id: number, firstPage: number, bytes: Uint8Array): void {
  const batch = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Into a buffer of its own, so a failure part-way leaves the batch as it came, and no plain page in it.
  const plain = Buffer.allocUnsafe(batch.length);
  try {
    if (cipher === null) throw new Error('no key');
    const { pageSize } = cipher;
    if (batch.length % pageSize !== 0) throw new Error('not whole pages');
    for (let offset = 0, pageNumber = firstPage; offset < batch.length; offset += pageSize, pageNumber += 1) {
      cipher.decryptPage(batch.subarray(offset, offset + pageSize), pageNumber, plain.subarray(offset, offset + pageSize));
    }
  } catch (error) {
    plain.fill(0);
    if (error instanceof PageAuthenticationError) post({ type: 'damaged', id, page: error.page });
    else post({ type: 'failed', id, bytes }, [bytes.buffer as ArrayBuffer]);
    return;
  }
  post({ type: 'decrypted', id, bytes: plain }, [plain.buffer as ArrayBuffer]);
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
