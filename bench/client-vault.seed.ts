import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clientFieldsSchema } from '../shared/clients';
import { ClientsService } from '../electron/services/clients/clients.service';
import { TreatmentPlanService } from '../electron/services/clients/treatment-plan.service';
import { VaultService } from '../electron/services/vault/vault.service';

export const SEED = { clients: 300, sessions: 20_000 } as const;

const FIRST = ['Zoë', 'Nguyễn Thị', 'Ama', 'Øystein', 'محمد', '王', 'Émile', 'Priya', 'Kwame', 'Hana', 'Lena', 'Mateo'];
const LAST = ['Ødegaard', 'Minh Khai', 'Mensah', 'Lund', 'الأحمد', '小明', 'Zola', 'Raman', 'Boateng', 'Kobayashi', 'Fischer', 'García'];
const TAGS = ['CBT', 'DBT', 'Grief', 'Couples', 'Evening', 'Sliding scale', 'EMDR', 'Telehealth'];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
const isoDay = (base: number, offsetDays: number) => new Date(base + offsetDays * 86_400_000).toISOString().slice(0, 10);

let seeded: Promise<{ clients: ClientsService; dispose: () => void }> | null = null;

/**
 * One vault shared by the client rows: 300 clients with goals and tags, and 20,000 session rows (the
 * notes step will put a note on each; today a session row is what the list's last-session date reads).
 * The KDF is at its floor because unlock time is measured by its own row.
 */
export function seededClientVault(): Promise<{ clients: ClientsService; dispose: () => void }> {
  seeded ??= (async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'alliance-bench-clients-'));
    const vault = new VaultService({ dir, appVersion: 'bench', kdfCost: { memoryKiB: 64 * 1024, iterations: 1, parallelism: 1 } });
    await vault.create('bench orchard quartz meadow 2231');
    const db = () => vault.database();
    const clients = new ClientsService({ db });
    const plans = new TreatmentPlanService({ db });
    const base = Date.UTC(2019, 0, 1);
    const ids: string[] = [];
    for (let i = 0; i < SEED.clients; i++) {
      const status = i % 5 === 0 ? 'discharged' : i % 7 === 0 ? 'paused' : 'active';
      const fields = clientFieldsSchema.parse({
        legalName: `${pick(FIRST, i)} ${pick(LAST, i * 7 + 3)} ${i}`,
        preferredName: i % 3 === 0 ? pick(FIRST, i + 5) : '',
        pronouns: '',
        dateOfBirth: isoDay(Date.UTC(1960, 0, 1), (i * 97) % 15_000),
        code: '',
        phone: '',
        email: '',
        address: '',
        emergencyContact: { name: '', relation: '', phone: '' },
        intakeDate: '2019-01-01',
        referralSource: '',
        status,
        dischargeDate: status === 'discharged' ? '2024-06-01' : null,
        dischargeReason: '',
        presentingConcerns: null,
        tags: [pick(TAGS, i), pick(TAGS, i + 3)],
        privateRemarks: '',
        reviewDate: i % 4 === 0 ? null : isoDay(Date.UTC(2026, 0, 1), (i * 13) % 400),
      });
      const client = await clients.create(fields);
      ids.push(client.id);
      for (let g = 0; g < 3; g++) {
        await plans.addGoal({ clientId: client.id, text: `Goal ${g + 1} in the client's words`, objective: '', dateSet: '2019-02-01', targetDate: null });
      }
    }
    await db().transaction().execute(async (trx) => {
      for (let s = 0; s < SEED.sessions; s += 500) {
        const batch = Array.from({ length: Math.min(500, SEED.sessions - s) }, (_, k) => ({
          id: randomUUID(),
          client_id: ids[(s + k) % ids.length] as string,
          session_date: isoDay(base, ((s + k) * 7) % 2_800),
          created_at: new Date().toISOString(),
        }));
        await trx.insertInto('sessions').values(batch).execute();
      }
    });
    return {
      clients,
      dispose: () => {
        vault.lock('user');
        rmSync(dir, { recursive: true, force: true });
      },
    };
  })();
  return seeded;
}
