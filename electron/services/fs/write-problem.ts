/** Why a file could not be written, in words for a message (never the path or the system's text). */
export function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC') return 'the disk is full.';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'that folder cannot be written to.';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'that folder does not exist any more.';
  return 'the file could not be written.';
}
