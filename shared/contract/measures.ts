import { z } from 'zod';
import { idSchema } from '../clients';
import { allItemNamesSchema, saveItemNamesInputSchema } from '../measure-item-names';
import {
  acknowledgeAlertInputSchema,
  clientAlertSchema,
  measureResultSchema,
  overviewClientSchema,
  recordLateEntryInputSchema,
  recordMeasureInputSchema,
  saveCustomMeasureInputSchema,
} from '../measure-records';
import { measureDefinitionSchema } from '../measures/definition';
import { strikeOutResultInputSchema } from '../notes';
import { method, noInput } from './method';

/** Measures, their results, alerts and the practice overview. */
export const measuresMethods = {
  /** The latest version of every measure, built-in ones first. */
  listMeasures: method(noInput, z.strictObject({ measures: z.array(measureDefinitionSchema) })),
  /** Saves a new custom measure (id null) or its next version; built-in measures are read-only. */
  saveCustomMeasure: method(saveCustomMeasureInputSchema, measureDefinitionSchema),
  /** The practitioner's names for the items of score-only measures, by measure and item. */
  getMeasureItemNames: method(noInput, z.strictObject({ names: allItemNamesSchema })),
  /** Saves the item names of one score-only measure (empty names are cleared); answers with them all. */
  saveMeasureItemNames: method(saveItemNamesInputSchema, z.strictObject({ names: allItemNamesSchema })),
  /** Scores and stores one result, with or without a session; refuses out-of-range answers. */
  recordMeasure: method(recordMeasureInputSchema, measureResultSchema),
  /** Removes a result entered by mistake; a signed session's results are struck out instead. */
  deleteMeasureResult: method(z.strictObject({ id: idSchema }), z.strictObject({})),
  /** A result for a signed session, entered with a signed addendum saying why it is late. */
  recordLateEntry: method(recordLateEntryInputSchema, measureResultSchema),
  /** Strikes out a signed session's result recorded in error, through a signed addendum with the reason. */
  strikeOutMeasureResult: method(strikeOutResultInputSchema, z.strictObject({})),
  /** A client's results, oldest first, with the definition versions they were scored with. */
  listMeasureResults: method(
    z.strictObject({ clientId: idSchema }),
    z.strictObject({ results: z.array(measureResultSchema), definitions: z.array(measureDefinitionSchema) }),
  ),
  /** Rupture and outcome alerts about a client's latest results, most severe first. */
  listClientAlerts: method(z.strictObject({ clientId: idSchema }), z.strictObject({ alerts: z.array(clientAlertSchema) })),
  /** Keeps the practitioner's short note on an alert. */
  acknowledgeAlert: method(acknowledgeAlertInputSchema, clientAlertSchema),
  /** Every active client with latest alliance score, trend, open alerts, most urgent first. */
  getPracticeOverview: method(noInput, z.strictObject({ clients: z.array(overviewClientSchema) })),
} as const;
