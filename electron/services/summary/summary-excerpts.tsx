import { Text, View } from '@react-pdf/renderer';
import { localIsoDate } from '../../../shared/dates';
import { formatDay } from '../../../shared/measures/alerts';
import type { SummaryData } from './summary-data';
import { ExcerptBody } from './summary-rich-text';
import { Heading } from './summary-layout';
import { styles } from './summary-styles';

/** Room a label keeps below it on its page: two lines of body text, so it never ends a page alone. */
const LABEL_PRESENCE = 28;

/** The chosen sections of the period's signed notes, with their addenda. */
export function Excerpts({ excerpts }: { excerpts: NonNullable<SummaryData['excerpts']> }) {
  const drafts = excerpts.draftsLeftOut;
  return (
    <View>
      <Heading>Note excerpts</Heading>
      <Text style={[styles.muted, styles.small, { marginBottom: 5 }]}>
        From signed notes only.
        {drafts > 0 ? ` ${drafts === 1 ? '1 unsigned draft' : `${drafts} unsigned drafts`} in this period ${drafts === 1 ? 'is' : 'are'} not included.` : ''}
      </Text>
      {excerpts.notes.length === 0 && <Text style={styles.muted}>The chosen sections are empty in this period&apos;s signed notes.</Text>}
      {excerpts.notes.map((note, index) => (
        <View key={index} style={styles.excerptNote}>
          <Text style={styles.excerptDate} minPresenceAhead={24}>
            Session of {formatDay(note.date)}
          </Text>
          {note.parts.map((part, partIndex) => (
            <View key={partIndex}>
              {/* Kept with at least a line of its text: a "Plan" label alone at the foot of a page reads as an empty plan. */}
              <Text style={part.private ? styles.privateLabel : styles.excerptLabel} minPresenceAhead={LABEL_PRESENCE}>
                {part.label}
              </Text>
              <ExcerptBody blocks={part.blocks} />
            </View>
          ))}
          {note.addenda.map((addendum, addendumIndex) => (
            <View key={`addendum-${addendumIndex}`}>
              <Text style={styles.excerptLabel} minPresenceAhead={LABEL_PRESENCE}>
                Addendum, {formatDay(localIsoDate(new Date(addendum.signedAt)))}, signed by {addendum.signer}
              </Text>
              <ExcerptBody blocks={addendum.blocks} />
              <Text style={[styles.muted, styles.small]}>SHA-256 {addendum.hash}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

