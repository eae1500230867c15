import type { Kysely } from 'kysely';
import { localIsoDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { VaultSchema } from '../database/schema';

export interface ServiceClock {
  /** The open vault's database; throws VAULT_LOCKED while locked. */
  db: () => Kysely<VaultSchema>;
  now?: () => Date;
}

/** What every clients-area service needs: the database and a clock that tests can set. */
export class ServiceContext {
  constructor(private readonly options: ServiceClock) {}

  db(): Kysely<VaultSchema> {
    return this.options.db();
  }

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  today(): string {
    return localIsoDate(this.now());
  }

  /** Runs `work` in one transaction: the change, its index rows and its log entry land together. */
  transaction<T>(work: (trx: Kysely<VaultSchema>) => Promise<T>): Promise<T> {
    return this.db().transaction().execute(work);
  }
}

/** A VALIDATION error whose messages the form shows under each field; nothing was written. */
export function invalid(fieldErrors: Record<string, string>): AppError {
  const count = Object.keys(fieldErrors).length;
  const summary = count === 1 ? Object.values(fieldErrors)[0] ?? '' : `Check the ${count} highlighted fields.`;
  return new AppError('VALIDATION', `Nothing was saved. ${summary}`, { fieldErrors });
}
