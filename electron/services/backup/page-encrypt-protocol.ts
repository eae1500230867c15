/*
 * Messages between a restore's StagingSink (restore-sink.ts) and its page encryption thread
 * (page-encrypt-worker.ts). Kept apart from both so the worker's bundle holds nothing of the sink.
 */

/** To the worker. */
export type PageEncryptRequest =
  /** Sent once, when the pages route is chosen: the key is a copy the worker wipes once it has its own. */
  | { type: 'start'; key: Uint8Array; salt: Uint8Array; pageSize: number }
  /**
   * `bytes` holds whole plain pages, the first of them page `firstPage`; its buffer is transferred and
   * comes back, encrypted in place, in the answer with the same `id`.
   */
  | { type: 'batch'; id: number; firstPage: number; bytes: Uint8Array }
  /** Wipe the key and end the thread. */
  | { type: 'stop' };

/** From the worker. */
export type PageEncryptReply =
  /** Its modules are loaded: batches sent from now on are encrypted at once. */
  | { type: 'ready' }
  | { type: 'encrypted'; id: number; bytes: Uint8Array }
  /** This batch could not be encrypted there (its buffer comes back wiped): the sink encrypts it from its own copy. */
  | { type: 'failed'; id: number; bytes: Uint8Array };
