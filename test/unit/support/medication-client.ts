import { randomUUID } from 'node:crypto';
import { MedicationsService } from '../../../electron/services/medications/medications.service';
import type { MedicationReview, MedicationReviewItem } from '../../../shared/medication-review';
import type { Regimen } from '../../../shared/medications';
import { BUILT_IN_TEMPLATES } from '../../../shared/note-templates';
import { emptyNoteContent } from '../../../shared/notes';
import { clientFields, testNow } from './client-vault';
import { doc, sessionFields, setPractitioner, type NotesVault } from './notes-vault';

/**
 * A synthetic client on medication, for the tests of everything around the list (export, backup,
 * erasure, the PDF summary, the activity log): Examplazine started, its dose raised, then lowered in
 * a signed medication-management visit; Fictorex started as needed and stopped; an allergy, and an
 * adverse reaction removed as entered in error; three signed visits with adherence answers. All
 * names are made up.
 */
export const MED = {
  examplazine: 'Examplazine',
  fictorex: 'Fictorex',
  allergy: 'Penicillamide',
  reaction: 'Hives across the chest',
  removedAllergy: 'Latexorine',
  raiseReason: 'Partial response after six weeks',
  stopReason: 'Drowsy in the mornings',
  lowerReason: 'Nausea at the higher dose',
  decision: 'Lower Examplazine to 75 mg together',
} as const;

export const regimen = (overrides: Partial<Regimen> = {}): Regimen => ({
  dose: '50 mg, one tablet',
  formRoute: 'tablet, by mouth',
  schedule: 'every morning',
  asNeeded: false,
  dosesPerDay: 1,
  prescriber: 'me',
  prescriberName: '',
  indication: 'Low mood',
  ...overrides,
});

export interface MedicatedClient {
  clientId: string;
  code: string;
  examplazineId: string;
  fictorexId: string;
  /** The signed visits, oldest first. */
  noteIds: string[];
}

const MEDICATION_TEMPLATE = BUILT_IN_TEMPLATES.find((template) => template.id === 'medication')!;

/** A review of one medication: taken as prescribed, nothing else said, unless `overrides` says so. */
export const reviewItem = (medicationId: string, overrides: Partial<MedicationReviewItem> = {}): MedicationReviewItem => ({
  medicationId,
  adherence: 'as_prescribed',
  missedDoses: 0,
  sideEffects: [],
  sideEffectNotes: '',
  working: '',
  options: '',
  preference: '',
  decision: '',
  ...overrides,
});

/** Writes one signed Medication management visit with `review` through the notes service. */
async function signedVisit(nv: NotesVault, clientId: string, date: string, review: MedicationReview): Promise<string> {
  const note = await nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'medication' });
  const base = emptyNoteContent(MEDICATION_TEMPLATE.sections.map((section) => section.key));
  const content = { ...base, sections: { ...base.sections, bond: doc('Open talk about side effects') }, medicationReview: review };
  const draft = await nv.notes.saveDraft({ noteId: note.id, baseRevision: note.revision, content, processNote: null });
  await nv.notes.sign({ noteId: note.id, baseRevision: draft.revision });
  return note.id;
}

export async function seedMedicatedClient(nv: NotesVault, options: { legalName: string; code: string }): Promise<MedicatedClient> {
  await setPractitioner(nv, 'Dr. Synthetic Prescriber', 'PMHNP');
  const medications = new MedicationsService({ db: nv.db, now: testNow });
  const clientId = (await nv.clients.create(clientFields({ legalName: options.legalName, code: options.code }))).id;

  const examplazine = await medications.start({ clientId, name: MED.examplazine, date: '2026-01-10', reason: '', regimen: regimen() });
  await medications.change({ medicationId: examplazine.id, kind: 'dose_change', date: '2026-03-01', reason: MED.raiseReason, regimen: regimen({ dose: '100 mg, two tablets' }) });
  const asNeeded = regimen({ dose: '5 mg', schedule: 'at night', asNeeded: true, dosesPerDay: null, indication: 'Sleep' });
  const fictorex = await medications.start({ clientId, name: MED.fictorex, date: '2026-02-01', reason: 'Trouble falling asleep', regimen: asNeeded });
  await medications.change({ medicationId: fictorex.id, kind: 'stop', date: '2026-04-01', reason: MED.stopReason, regimen: asNeeded });
  await medications.addAllergy({ clientId, substance: MED.allergy, reaction: MED.reaction, kind: 'allergy', recordedOn: '2026-01-10' });
  const removed = await medications.addAllergy({ clientId, substance: MED.removedAllergy, reaction: '', kind: 'adverse_reaction', recordedOn: '2026-01-12' });
  await medications.removeAllergy({ id: removed.id, reason: 'Entered in error' });

  const noteIds = [
    await signedVisit(nv, clientId, '2026-04-20', { items: [reviewItem(examplazine.id, { adherence: 'as_prescribed', missedDoses: 0, working: 'Mood steadier' })], changes: [] }),
    await signedVisit(nv, clientId, '2026-05-20', {
      items: [
        reviewItem(examplazine.id, {
          adherence: 'sometimes_misses',
          missedDoses: 2,
          sideEffects: [{ effect: 'nausea', severity: 'severe' }],
          options: 'Keep the dose, or lower it',
          preference: 'Lower it',
          decision: MED.decision,
        }),
      ],
      changes: [{ id: randomUUID(), medicationId: examplazine.id, name: '', kind: 'dose_change', reason: MED.lowerReason, regimen: regimen({ dose: '75 mg, one and a half tablets' }) }],
    }),
    await signedVisit(nv, clientId, '2026-06-10', { items: [reviewItem(examplazine.id, { adherence: 'often_misses', missedDoses: 4 })], changes: [] }),
  ];
  const code = (await nv.clients.get(clientId)).code;
  return { clientId, code, examplazineId: examplazine.id, fictorexId: fictorex.id, noteIds };
}
