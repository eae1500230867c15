import type { ReactNode } from 'react';
import { Document, Page, Text, View } from '@react-pdf/renderer';
import { format } from 'date-fns';
import { localIsoDate } from '../../../shared/dates';
import { formatDay } from '../../../shared/measures/alerts';
import { ATTENDANCE_LABELS, GOAL_STATUS_LABELS, MODALITY_LABELS, PROGRESS_LABELS, SESSION_TYPE_LABELS } from '../../../shared/note-labels';
import { goalProgressMarks } from '../../../shared/notes';
import type { SummaryData, SummaryGoal } from './summary-data';
import { chartLineCount, MeasureChart } from './summary-chart';
import { ExcerptBody } from './summary-rich-text';
import { PAGE_MARGIN, styles } from './summary-styles';

/** Room a label keeps below it on its page: two lines of body text, so it never ends a page alone. */
const LABEL_PRESENCE = 28;

/** Page widths in points (A4 210 mm, US Letter 8.5 in). */
const PAGE_WIDTH = { A4: 595.28, Letter: 612 } as const;

/** The code, never the name, titles the file: metadata travels further than the pages. */
export function summaryTitle(data: SummaryData): string {
  return `Progress summary ${data.client.code}, ${formatDay(data.range.from)} to ${formatDay(data.range.to)}`;
}

export function SummaryDocument({ data }: { data: SummaryData }) {
  const contentWidth = PAGE_WIDTH[data.paperSize] - 2 * PAGE_MARGIN.side;
  const author = [data.practice.practitionerName, data.practice.credentials].filter(Boolean).join(', ');
  return (
    <Document
      title={summaryTitle(data)}
      author={author || undefined}
      subject="Confidential clinical progress summary"
      creator="Alliance Notes"
      producer="Alliance Notes"
      creationDate={data.madeAt}
      language="en"
    >
      <Page size={data.paperSize === 'A4' ? 'A4' : 'LETTER'} style={styles.page} experimentalPagination>
        <PageHeader data={data} />
        <PageFooter madeAt={data.madeAt} />
        <View style={styles.body}>
        <Text style={styles.title}>Progress summary</Text>
        <ClientFacts data={data} />
        {data.diagnoses && <Diagnoses diagnoses={data.diagnoses} />}
        {data.goals && <Goals goals={data.goals} />}
        {data.attendance && <Attendance attendance={data.attendance} />}
        {data.allianceMeasures && (
          <Charts title="Working alliance" empty="No alliance measures were recorded in this period." measures={data.allianceMeasures} width={contentWidth} range={data.range} styleStart={0} />
        )}
        {data.outcomeMeasures && (
          <Charts
            title="Outcome measures"
            empty="No outcome measures were recorded in this period."
            measures={data.outcomeMeasures}
            width={contentWidth}
            range={data.range}
            // The outcome lines carry on from the alliance lines' styles, so no two totals look alike.
            styleStart={(data.allianceMeasures ?? []).reduce((sum, measure) => sum + chartLineCount(measure), 0)}
          />
        )}
        {data.measuresTable && <MeasuresTable rows={data.measuresTable} />}
        {data.sessions && <SessionList sessions={data.sessions} />}
        {data.excerpts && <Excerpts excerpts={data.excerpts} />}
        <Signature data={data} />
        </View>
      </Page>
    </Document>
  );
}

function PageHeader({ data }: { data: SummaryData }) {
  const practice = data.practice.practiceName || data.practice.practitionerName || 'Progress summary';
  return (
    <View style={styles.header} fixed>
      <Text>{practice}</Text>
      <Text style={styles.confidential}>CONFIDENTIAL</Text>
    </View>
  );
}

function PageFooter({ madeAt }: { madeAt: Date }) {
  return (
    <View style={styles.footer} fixed>
      <Text>Exported {format(madeAt, 'd MMMM yyyy')}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View style={styles.factRow}>
      <Text style={styles.factLabel}>{label}</Text>
      <Text style={styles.factValue}>{children}</Text>
    </View>
  );
}

function ClientFacts({ data }: { data: SummaryData }) {
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
      <Fact label="Period">
        {formatDay(data.range.from)} to {formatDay(data.range.to)}
      </Fact>
      {data.practice.practitionerName !== '' && (
        <Fact label="Prepared by">{[data.practice.practitionerName, data.practice.credentials].filter(Boolean).join(', ')}</Fact>
      )}
    </View>
  );
}

function Heading({ children }: { children: ReactNode }) {
  // minPresenceAhead keeps a heading from sitting alone at the foot of a page.
  return (
    <Text style={styles.heading} minPresenceAhead={40}>
      {children}
    </Text>
  );
}

interface Column<Row> {
  label: string;
  width: number | string;
  value: (row: Row) => string;
}

/** A ruled table whose rows never split across pages; the header repeats on every page. */
function Table<Row>({ columns, rows, label }: { columns: Column<Row>[]; rows: Row[]; label: string }) {
  return (
    <View style={styles.table} aria-label={label}>
      <View style={styles.tableHead} fixed>
        {columns.map((column) => (
          <Text key={column.label} style={[styles.cell, { width: column.width }]}>
            {column.label}
          </Text>
        ))}
      </View>
      {rows.map((row, index) => (
        <View key={index} style={styles.tableRow} wrap={false}>
          {columns.map((column) => (
            <Text key={column.label} style={[styles.cell, { width: column.width }]}>
              {column.value(row)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function Diagnoses({ diagnoses }: { diagnoses: NonNullable<SummaryData['diagnoses']> }) {
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

function Goals({ goals }: { goals: SummaryGoal[] }) {
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

function Attendance({ attendance }: { attendance: NonNullable<SummaryData['attendance']> }) {
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

function Charts(props: { title: string; empty: string; measures: NonNullable<SummaryData['allianceMeasures']>; width: number; range: SummaryData['range']; styleStart: number }) {
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

function MeasuresTable({ rows }: { rows: NonNullable<SummaryData['measuresTable']> }) {
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

function SessionList({ sessions }: { sessions: NonNullable<SummaryData['sessions']> }) {
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

function Excerpts({ excerpts }: { excerpts: NonNullable<SummaryData['excerpts']> }) {
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

function Signature({ data }: { data: SummaryData }) {
  const { practice } = data;
  return (
    <View style={styles.signature} wrap={false}>
      <View style={styles.signatureLine} />
      <Text>{[practice.practitionerName || 'Practitioner', practice.credentials].filter(Boolean).join(', ')}</Text>
      {practice.licenceNumber !== '' && <Text>Licence number: {practice.licenceNumber}</Text>}
      {practice.contact.map((line, index) => (
        <Text key={index} style={styles.muted}>
          {line}
        </Text>
      ))}
      <Text style={[styles.muted, { marginTop: 4 }]}>Date: ____________________</Text>
    </View>
  );
}
