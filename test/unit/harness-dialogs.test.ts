import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HarnessDialogs } from '../harness/harness-dialogs';

const save = { title: 'Save', suggestedName: 'alliance-notes-recovery-key.txt' };

describe('HarnessDialogs (the test host answering OS dialogs)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'alliance-dialogs-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('cancels every dialog when it has neither a queued answer nor a dialog folder', async () => {
    const dialogs = new HarnessDialogs(null);
    expect(await dialogs.chooseSavePath(save)).toBeNull();
    expect(await dialogs.chooseFolder()).toBeNull();
    expect(await dialogs.chooseOpenPath()).toBeNull();
  });

  it('answers from the dialog folder: save → folder/suggested name, folder → the folder', async () => {
    const dialogs = new HarnessDialogs(dir);
    expect(await dialogs.chooseSavePath(save)).toBe(path.join(dir, 'alliance-notes-recovery-key.txt'));
    expect(await dialogs.chooseFolder()).toBe(dir);
  });

  it('keeps a suggested name from steering the save path out of the dialog folder', async () => {
    const dialogs = new HarnessDialogs(dir);
    expect(await dialogs.chooseSavePath({ ...save, suggestedName: '../../etc/evil.txt' })).toBe(path.join(dir, 'evil.txt'));
  });

  it('opens the newest file in the dialog folder, ignoring subfolders, and cancels when there is none', async () => {
    const dialogs = new HarnessDialogs(dir);
    expect(await dialogs.chooseOpenPath()).toBeNull();
    await fs.mkdir(path.join(dir, 'a-folder'));
    expect(await dialogs.chooseOpenPath()).toBeNull();
    const older = path.join(dir, 'older.bak');
    const newer = path.join(dir, 'newer.bak');
    await fs.writeFile(older, 'x');
    await fs.writeFile(newer, 'y');
    await fs.utimes(older, new Date('2024-01-02'), new Date('2024-01-02'));
    await fs.utimes(newer, new Date('2024-03-04'), new Date('2024-03-04'));
    expect(await dialogs.chooseOpenPath()).toBe(newer);
    await fs.utimes(older, new Date('2025-01-01'), new Date('2025-01-01'));
    expect(await dialogs.chooseOpenPath()).toBe(older);
  });

  it('cancels an open dialog whose folder does not exist', async () => {
    expect(await new HarnessDialogs(path.join(dir, 'missing')).chooseOpenPath()).toBeNull();
  });

  it('lets a queued answer win once, per kind, in order, including a queued cancel', async () => {
    const dialogs = new HarnessDialogs(dir);
    dialogs.queueAnswer('save', '/elsewhere/key.txt');
    dialogs.queueAnswer('save', null);
    dialogs.queueAnswer('folder', '/backups');
    expect(await dialogs.chooseFolder()).toBe('/backups');
    expect(await dialogs.chooseSavePath(save)).toBe('/elsewhere/key.txt');
    expect(await dialogs.chooseSavePath(save)).toBeNull();
    // Used up: back to the folder rule.
    expect(await dialogs.chooseSavePath(save)).toBe(path.join(dir, save.suggestedName));
    expect(await dialogs.chooseFolder()).toBe(dir);
    // Queued for another kind: the open dialog is not affected.
    expect(await dialogs.chooseOpenPath()).toBeNull();
  });

  it('uses queued answers even without a dialog folder', async () => {
    const dialogs = new HarnessDialogs(null);
    dialogs.queueAnswer('open', '/restore/backup.alliance');
    expect(await dialogs.chooseOpenPath()).toBe('/restore/backup.alliance');
    expect(await dialogs.chooseOpenPath()).toBeNull();
  });
});
