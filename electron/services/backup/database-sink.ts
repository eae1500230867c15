import { problems } from './backup-problems';

/**
 * Where the database entry goes while the backup is decrypted and unpacked. The reader calls `begin`
 * once with the size from the entry's tar header, `write` with every piece in order (each awaited
 * before the next, so a slow sink slows the decryption rather than letting pieces pile up in memory),
 * and `end` only after age's final chunk authenticated and the archive matched its manifest. On any
 * failure it calls `abort` instead (also when `begin` never came), and `end` is not called. Its errors
 * must be AppErrors, written for the practitioner.
 */
export interface DatabaseSink<T> {
  begin(size: number): Promise<void>;
  /** A piece of the entry; it is wiped once this settles, so keep a copy of what must be kept. */
  write(piece: Buffer): Promise<void>;
  end(): Promise<T>;
  abort(): Promise<void>;
}

/** The database entry collected into one buffer sized from its tar header (readBackupFile). */
export function bufferSink(): DatabaseSink<Buffer> {
  let buffer: Buffer | null = null;
  let filled = 0;
  return {
    async begin(size) {
      buffer = Buffer.alloc(size);
    },
    async write(piece) {
      if (buffer === null || filled + piece.length > buffer.length) throw problems.sizeMismatch();
      buffer.set(piece, filled);
      filled += piece.length;
    },
    async end() {
      if (buffer === null || filled !== buffer.length) throw problems.sizeMismatch();
      return buffer;
    },
    async abort() {
      buffer?.fill(0);
      buffer = null;
    },
  };
}

