/*
 * Messages between the SQLCipher page thread (page-cipher-worker.ts) and its two users: a restore's
 * StagingSink (restore-sink.ts), which has plain pages encrypted, and a backup's snapshot reader
 * (snapshot-pages.ts), which has vault.db's pages decrypted. Kept apart from all three so the worker's
 * bundle holds nothing of either user.
 */

/** To the worker. */
export type PageEncryptRequest =
  /**
   * Sent once, before the first batch: the key is a copy the worker wipes once it has its own.
   * `decrypt` makes every batch a decryption; otherwise each is an encryption.
   */
  | { type: 'start'; key: Uint8Array; salt: Uint8Array; pageSize: number; decrypt?: boolean }
  /**
   * `bytes` holds whole pages, the first of them page `firstPage`; its buffer is transferred. Encrypted,
   * it comes back encrypted in place; decrypted, the plain pages come back in a buffer of their own.
   */
  | { type: 'batch'; id: number; firstPage: number; bytes: Uint8Array }
  /** Wipe the key and end the thread. */
  | { type: 'stop' };

/** From the worker. */
export type PageEncryptReply =
  /** Its modules are loaded: batches sent from now on are handled at once. */
  | { type: 'ready' }
  | { type: 'encrypted'; id: number; bytes: Uint8Array }
  | { type: 'decrypted'; id: number; bytes: Uint8Array }
  /** A page of this batch failed its HMAC check: the file is damaged (or not this vault's). */
  | { type: 'damaged'; id: number; page: number }
  /**
   * This batch could not be handled there: an encryption's buffer comes back wiped and the sink encrypts
   * it from its own copy; a decryption's comes back as it was sent, for the reader to decrypt itself.
   */
  | { type: 'failed'; id: number; bytes: Uint8Array };
