import { z } from 'zod';
import {
  clientFieldsSchema,
  clientSchema,
  clientStatusSchema,
  dischargeKindSchema,
  goalInputSchema,
  goalStatusSchema,
  idSchema,
  isoDateSchema,
  listClientsInputSchema,
  listClientsOutputSchema,
} from '../clients';
import { method, noInput } from './method';

/** Clients and treatment plans. Every change returns the whole client so the screen shows what was saved. */
export const clientsMethods = {
  /** Search, filter and sort the client list; `query` matches names, preferred names, codes and tags. */
  listClients: method(listClientsInputSchema, listClientsOutputSchema),
  getClient: method(z.strictObject({ id: idSchema }), clientSchema),
  /** The next free client code, offered (editable) in the new-client form. */
  suggestClientCode: method(noInput, z.strictObject({ code: z.string() })),
  createClient: method(z.strictObject({ fields: clientFieldsSchema }), clientSchema),
  updateClient: method(z.strictObject({ id: idSchema, fields: clientFieldsSchema }), clientSchema),
  /** Pause, reactivate or discharge (the normal end of a record). */
  setClientStatus: method(
    z.strictObject({
      id: idSchema,
      status: clientStatusSchema,
      dischargeDate: isoDateSchema.nullable().default(null),
      dischargeReason: z.string().max(500, 'Discharge reason can be at most 500 characters.').default(''),
      dischargeKind: dischargeKindSchema.nullable().default(null),
    }),
    clientSchema,
  ),
  /** Permanent deletion (right to erasure): the client's legal name must be typed to confirm. */
  eraseClient: method(
    z.strictObject({ id: idSchema, confirmName: z.string().max(200) }),
    z.strictObject({ erased: z.literal(true) }),
  ),
  addDiagnosis: method(
    z.strictObject({
      clientId: idSchema,
      code: z.string().max(20, 'A diagnosis code can be at most 20 characters.'),
      label: z.string().max(200, 'A diagnosis can be at most 200 characters.'),
      dateAdded: isoDateSchema,
    }),
    clientSchema,
  ),
  /** Marks a diagnosis as no longer current; it stays in the record's history. */
  removeDiagnosis: method(
    z.strictObject({ clientId: idSchema, diagnosisId: idSchema, dateRemoved: isoDateSchema }),
    clientSchema,
  ),
  addGoal: method(goalInputSchema.extend({ clientId: idSchema, dateSet: isoDateSchema }), clientSchema),
  updateGoal: method(goalInputSchema.extend({ goalId: idSchema }), clientSchema),
  changeGoalStatus: method(
    z.strictObject({ goalId: idSchema, status: goalStatusSchema, date: isoDateSchema }),
    clientSchema,
  ),
  /** Only for a goal no note refers to (a mistake); otherwise CONFLICT, and the goal can be discontinued. */
  deleteGoal: method(z.strictObject({ goalId: idSchema }), clientSchema),
} as const;
