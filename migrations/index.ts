import type { Kysely } from 'kysely';
import * as m0001 from './0001_create_settings';
import * as m0002 from './0002_create_clients';
import * as m0003 from './0003_create_notes';
import * as m0004 from './0004_index_notes_by_part';
import * as m0005 from './0005_create_measures';
import * as m0006 from './0006_create_backup_history';
import * as m0007 from './0007_index_note_rupture_flag';
import * as m0008 from './0008_signed_sessions_fixed';
import * as m0009 from './0009_activity_log_detail';
import * as m0010 from './0010_create_alert_events';
import * as m0011 from './0011_create_medications';
import * as m0012 from './0012_create_engagement';

export interface MigrationStep {
  /** The file name without extension; recorded in the vault once applied. */
  name: string;
  up: (db: Kysely<any>) => Promise<void>;
}

/**
 * Every migration in order. A static list because a bundled main process has no folder to read at run
 * time; a test checks it matches the files in this folder. Never edit a released step: add a new one.
 */
export const migrations: readonly MigrationStep[] = [
  { name: '0001_create_settings', up: m0001.up },
  { name: '0002_create_clients', up: m0002.up },
  { name: '0003_create_notes', up: m0003.up },
  { name: '0004_index_notes_by_part', up: m0004.up },
  { name: '0005_create_measures', up: m0005.up },
  { name: '0006_create_backup_history', up: m0006.up },
  { name: '0007_index_note_rupture_flag', up: m0007.up },
  { name: '0008_signed_sessions_fixed', up: m0008.up },
  { name: '0009_activity_log_detail', up: m0009.up },
  { name: '0010_create_alert_events', up: m0010.up },
  { name: '0011_create_medications', up: m0011.up },
  { name: '0012_create_engagement', up: m0012.up },
];
