/**
 * Client data the e2e run types, collected so the run's final check (global-teardown.ts) can look for
 * every one of them in the logs: the test hosts' (and Electron's) stdout and stderr, and every page's
 * console. Logs and error messages must never contain note text or names.
 *
 * Every string is made up. The security spec's own are deliberately odd, so a hit can only mean the
 * app copied them somewhere; the others are the names and note phrases other specs type, listed here
 * rather than imported there so those specs keep their own literal text (the final check fails if a spec stops
 * using one, so this list cannot quietly go stale).
 */
export const CANARY = {
  /** A client's legal name. */
  clientName: 'Wrenfield Canarybright',
  /** The same client's preferred name. */
  preferredName: 'Wrennie Canary',
  /** Typed into a session note. */
  noteText: 'Talked through the marmalade lighthouse canary plan',
  /** Typed into a plain field of the note (the risk action). */
  fieldText: 'Canary safety card handed over',
  /** Pasted into a note as HTML. */
  pastedText: 'Kept text from the tamarind canary page',
} as const;

export const SECURITY_CANARIES: readonly string[] = Object.values(CANARY);

/** Names and note text other specs type; each must still appear in some spec (checked at the end of the run). */
export const OTHER_SPEC_CANARIES: readonly string[] = [
  'Ottoline Brackenridge',
  'Zoë Ødegaard',
  '王小明',
  'Nguyễn Thị Minh Khai',
  'Oluwaseun Adeyemi',
  'Bartholomew Quince',
  'Caspian Wetherall',
  'Rosalind Featherstonehaugh',
  'محمد الأحمد',
  'Wilhelmina Ashdown-Pryce',
  'Marguerite Okonkwo-Lindqvist',
  'Marlowe Quenby',
  'Sleep through the night most nights',
  'We agreed sleep is still the main aim.',
  'Brief withdrawal after the pelican story',
  'Private reflection: I felt rushed today.',
  'Laughed together about the heron',
  'Spoke about the quince orchard.',
  'Client phoned: the walk was done once.',
  'Crisis line given; GP informed.',
  'Agreed to bring the lantern-moth diary next session.',
  // Medication names: never in a log, like any other client data.
  'Velmorazine',
  'Tranquoxil',
  'Ines Marlow-Tey',
  'Sertraline',
];

/**
 * Clients of the seeded practice (bench/practice-vault.ts, seed 42) whose names practice.spec.ts types
 * in part into the search boxes. They come from the seed, not from a spec, so practice.spec.ts checks
 * that the seeded practice still holds each of them (a changed generator fails there, naming this list).
 */
export const SEEDED_PRACTICE_NAMES: readonly string[] = [
  '林嘉宇',
  'رنا الخطيب',
  'יעל אברעוני',
  'Ярослав Шевкова',
  'Σοφία Γεωρνόμου',
  'อรุณพร ศรีรักษ์',
  '최준우',
  'दीतन पाटील',
];

export const ALL_CANARIES: readonly string[] = [...SECURITY_CANARIES, ...OTHER_SPEC_CANARIES, ...SEEDED_PRACTICE_NAMES];
