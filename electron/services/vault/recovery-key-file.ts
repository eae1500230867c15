import { writeFileAtomic } from '../fs/write-file-atomic';

/** The text file a practitioner may keep (or print) with their recovery key. */
export async function writeRecoveryKeyFile(file: string, recoveryKey: string, vaultDir: string): Promise<void> {
  const text = [
    'Alliance Notes — vault recovery key',
    '',
    `    ${recoveryKey}`,
    '',
    `Vault folder: ${vaultDir}`,
    `Saved: ${new Date().toISOString().slice(0, 10)}`,
    '',
    'This key opens your vault if you forget your passphrase. Anyone who has it and your vault files',
    'can read your notes: keep it offline, away from the laptop (a printed copy in a locked drawer).',
    '',
  ].join('\n');
  await writeFileAtomic(file, text);
}
