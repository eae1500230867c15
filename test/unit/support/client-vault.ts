import type { Kysely } from 'kysely';
import type { Client, ClientFields, ClientFieldsInput } from '../../../shared/clients';
import { clientFieldsSchema } from '../../../shared/clients';
import { ClientsService } from '../../../electron/services/clients/clients.service';
import { TreatmentPlanService } from '../../../electron/services/clients/treatment-plan.service';
import type { VaultSchema } from '../../../electron/services/database/schema';
import type { VaultService } from '../../../electron/services/vault/vault.service';
import { newVaultService, PASSPHRASE, removeDir, tempDir } from './temp-vault';

/** "Today" in every client test: noon local time, so the local date is the same in any time zone. */
export const TODAY = '2026-06-15';
export const testNow = (): Date => new Date(2026, 5, 15, 12, 0, 0);

export interface ClientVault {
  dir: string;
  vault: VaultService;
  clients: ClientsService;
  plans: TreatmentPlanService;
  db: () => Kysely<VaultSchema>;
  close(): Promise<void>;
}

/** A real, freshly created encrypted vault with the client services over it. */
export async function openClientVault(now: () => Date = testNow): Promise<ClientVault> {
  const dir = tempDir('alliance-clients-');
  const vault = newVaultService(dir);
  await vault.create(PASSPHRASE);
  const db = () => vault.database();
  return {
    dir,
    vault,
    db,
    clients: new ClientsService({ db, now }),
    plans: new TreatmentPlanService({ db, now }),
    close: async () => {
      vault.lock('user');
      await removeDir(dir);
    },
  };
}

/** Client fields as the form would send them, parsed by the contract schema (so trimmed and NFC). */
export function clientFields(overrides: Partial<ClientFieldsInput> = {}): ClientFields {
  return clientFieldsSchema.parse({
    legalName: 'Test Client',
    preferredName: '',
    pronouns: '',
    dateOfBirth: null,
    code: '',
    phone: '',
    email: '',
    address: '',
    emergencyContact: { name: '', relation: '', phone: '' },
    intakeDate: null,
    referralSource: '',
    status: 'active',
    dischargeDate: null,
    dischargeReason: '',
    presentingConcerns: null,
    tags: [],
    privateRemarks: '',
    reviewDate: null,
    ...overrides,
  });
}

export const everyClient = { query: '', status: 'all', tag: null, sort: 'name' } as const;

/** The editable fields of a saved client, as the edit form would send them back. */
export function fieldsOf(client: Client): ClientFieldsInput {
  const keys = clientFieldsSchema.keyof().options;
  return Object.fromEntries(keys.map((key) => [key, client[key]])) as ClientFieldsInput;
}
