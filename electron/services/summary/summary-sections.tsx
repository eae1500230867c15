import { Text, View } from '@react-pdf/renderer';
import { formatDay } from '../../../shared/measures/alerts';
import { ATTENDANCE_LABELS, GOAL_STATUS_LABELS, MODALITY_LABELS, PROGRESS_LABELS, SESSION_TYPE_LABELS } from '../../../shared/note-labels';
import { CONTACT_KIND_LABELS, DIRECTION_LABELS } from '../../../shared/engagement-labels';
import { goalProgressMarks } from '../../../shared/notes';
import type { SummaryData, SummaryGoal } from './summary-data';
import { chartLineCount, MeasureChart } from './summary-chart';
import { Fact, Heading, Table } from './summary-layout';
import { styles } from './summary-styles';

/** The summary's record sections, each shown only when chosen: the client, diagnoses, goals, attendance, contacts, measures and sessions. */

export function ClientFacts({ data }: { data: SummaryData }) {
  const { client } = data;
  const identity = client.identity;
  return (
    <View style={styles.facts}>
      {identity && <Fact label="Client">{identity.legalName}</Fact>}
      {identity && identity.preferredName !== '' && <Fact label="Preferred name">{identity.preferredName}</Fact>}
      {identity && identity.pronouns !== '' && <Fact label="Pronouns">{identity.pronouns}</Fact>}
      {identity?.dateOfBirth && <Fact label="Date of birth">{formatDay(identity.dateOfBirth)}</Fact>}
      {identity && identity.address !== '' && <Fact label="Address">{identity.address}</Fact>}
      <Fact label="Client code">{client.code}</Fact>
      {client.intakeDate && <Fact label="In care since">{formatDay(client.intakeDate)}</Fact>}
      <Fact label="Last seen">{client.lastSeen ? formatDay(client.lastSeen) : 'Not yet seen in a session'}</Fact>
      <Fact label="Period">
        {formatDay(data.range.from)} to {formatDay(data.range.to)}
      </Fact>
      {data.practice.practitionerName !== '' && (
        <Fact label="Prepared by">{[data.practice.practitionerName, data.practice.credentials].filter(Boolean).join(', ')}</Fact>
      )}
    </View>
  );
}

export function Diagnoses({ diagnoses }: { diagnoses: NonNullable<SummaryData['diagnoses']> }) {
  return (
    <View>
      <Heading>Diagnoses</Heading>
      {diagnoses.length === 0 ? (
        <Text style={styles.muted}>No diagnoses were recorded for this period.</Text>
      ) : (
        <Table
          label="Diagnoses"
          rows={diagnoses}
          columns={[
            { label: 'Code', width: '15%', value: (d) => d.code },
            { label: 'Diagnosis', width: '55%', value: (d) => d.label },
            { label: 'Recorded', width: '30%', value: (d) => (d.dateRemoved ? `${formatDay(d.dateAdded)} to ${formatDay(d.dateRemoved)}` : `since ${formatDay(d.dateAdded)}`) },
          ]}
        />
      )}
    </View>
  );
}

function markSummary(goal: SummaryGoal): string {
  if (goal.marks.length === 0) return 'No progress marked in sessions of this period.';
  const counts = goalProgressMarks
    .map((mark) => [PROGRESS_LABELS[mark], goal.marks.filter((m) => m.progress === mark).length] as const)
    .filter(([, count]) => count > 0)
    .map(([label, count]) => `${label.toLowerCase()} ${count}`);
  const latest = goal.marks.at(-1);
  const sessions = goal.marks.length === 1 ? '1 session' : `${goal.marks.length} sessions`;
  return `Worked on in ${sessions} (${counts.join(', ')}). Latest: ${latest ? `${PROGRESS_LABELS[latest.progress].toLowerCase()}, ${formatDay(latest.date)}` : ''}.`;
}

export function Goals({ goals }: { goals: SummaryGoal[] }) {
  return (
    <View>
      <Heading>Treatment goals</Heading>
      {goals.length === 0 && <Text style={styles.muted}>No treatment goals cover this period.</Text>}
      {goals.map((goal, index) => (
        <View key={index} style={styles.goal} wrap={false}>
          <Text style={styles.goalText}>
            {index + 1}. {goal.text}
          </Text>
          {goal.objective !== '' && <Text>Objective: {goal.objective}</Text>}
          <Text style={styles.muted}>
            {GOAL_STATUS_LABELS[goal.status]}, set {formatDay(goal.dateSet)}
          </Text>
          <Text>{markSummary(goal)}</Text>
        </View>
      ))}
    </View>
  );
}

export function Attendance({ attendance }: { attendance: NonNullable<SummaryData['attendance']> }) {
  return (
    <View wrap={false}>
      <Heading>Attendance</Heading>
      <Table
        label="Attendance"
        rows={[attendance]}
        columns={[
          { label: 'Sessions booked', width: '25%', value: (a) => String(a.sessions) },
          { label: 'Attended', width: '25%', value: (a) => String(a.attended) },
          { label: 'Late cancellations', width: '25%', value: (a) => String(a.lateCancellations) },
          { label: 'No-shows', width: '25%', value: (a) => String(a.noShows) },
        ]}
      />
    </View>
  );
}

export function Contacts({ contacts }: { contacts: NonNullable<SummaryData['contacts']> }) {
  return (
    <View>
      <Heading>Contacts between sessions</Heading>
      {contacts.length === 0 ? (
        <Text style={styles.muted}>No contacts between sessions were recorded in this period.</Text>
      ) : (
        <Table
          label="Contacts between sessions"
          rows={contacts}
          columns={[
            { label: 'Date', width: '20%', value: (c) => (c.startTime ? `${formatDay(c.date)}, ${c.startTime}` : formatDay(c.date)) },
            { label: 'Kind', width: '12%', value: (c) => CONTACT_KIND_LABELS[c.kind] },
            {
              label: 'With',
              width: '20%',
              value: (c) => (c.direction === 'with_professional' && c.professional.trim() !== '' ? `With ${c.professional.trim()}` : DIRECTION_LABELS[c.direction]),
            },
            { label: 'Note', width: '48%', value: (c) => c.note },
          ]}
        />
      )}
    </View>
  );
}

export function Charts(props: { title: string; empty: string; measures: NonNullable<SummaryData['allianceMeasures']>; width: number; range: SummaryData['range']; styleStart: number }) {
  const starts = props.measures.map((_, i) => props.styleStart + props.measures.slice(0, i).reduce((sum, measure) => sum + chartLineCount(measure), 0));
  const chart = (measure: (typeof props.measures)[number], i: number) => (
    <MeasureChart key={measure.definition.id} measure={measure} width={props.width} from={props.range.from} to={props.range.to} styleStart={starts[i] ?? 0} />
  );
  const [first, ...rest] = props.measures;
  return (
    <View>
      {/* The heading travels with the first chart, so it never sits alone at the foot of a page. */}
      <View wrap={false}>
        <Heading>{props.title}</Heading>
        {first ? chart(first, 0) : <Text style={styles.muted}>{props.empty}</Text>}
      </View>
      {rest.map((measure, i) => chart(measure, i + 1))}
    </View>
  );
}

export function MeasuresTable({ rows }: { rows: NonNullable<SummaryData['measuresTable']> }) {
  return (
    <View>
      <Heading>Measures</Heading>
      {rows.length === 0 ? (
        <Text style={styles.muted}>No measures were recorded in this period.</Text>
      ) : (
        <Table
          label="Measures"
          rows={rows}
          columns={[
            { label: 'Date', width: '25%', value: (r) => (r.lateEntry ? `${formatDay(r.date)} (late entry)` : formatDay(r.date)) },
            { label: 'Measure', width: '22%', value: (r) => r.measure },
            { label: 'Score', width: '13%', value: (r) => (r.total === null ? 'Incomplete' : String(r.total)) },
            { label: 'Band', width: '25%', value: (r) => r.band ?? '' },
            { label: 'Item flag', width: '15%', value: (r) => (r.flagged ? 'Yes' : '') },
          ]}
        />
      )}
    </View>
  );
}

export function SessionList({ sessions }: { sessions: NonNullable<SummaryData['sessions']> }) {
  return (
    <View>
      <Heading>Sessions</Heading>
      {sessions.length === 0 ? (
        <Text style={styles.muted}>No sessions in this period.</Text>
      ) : (
        <Table
          label="Sessions"
          rows={sessions}
          columns={[
            { label: 'Date', width: '24%', value: (s) => formatDay(s.date) },
            { label: 'Type', width: '16%', value: (s) => SESSION_TYPE_LABELS[s.type] },
            { label: 'Format', width: '15%', value: (s) => MODALITY_LABELS[s.modality] },
            { label: 'Attendance', width: '20%', value: (s) => ATTENDANCE_LABELS[s.attendance] },
            { label: 'Length', width: '12%', value: (s) => (s.durationMinutes ? `${s.durationMinutes} min` : '') },
            { label: 'Note', width: '13%', value: (s) => (s.signed ? 'Signed' : 'Draft') },
          ]}
        />
      )}
    </View>
  );
}

