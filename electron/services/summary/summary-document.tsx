import { Document, Page, Text, View } from '@react-pdf/renderer';
import { format } from 'date-fns';
import { formatDay } from '../../../shared/measures/alerts';
import type { SummaryData } from './summary-data';
import { chartLineCount } from './summary-chart';
import { Excerpts } from './summary-excerpts';
import { Medications } from './summary-medications';
import { Attendance, Charts, ClientFacts, Contacts, Diagnoses, Goals, MeasuresTable, SessionList } from './summary-sections';
import { PAGE_MARGIN, styles } from './summary-styles';

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
        {data.medications && <Medications medications={data.medications} width={contentWidth} range={data.range} />}
        {data.goals && <Goals goals={data.goals} />}
        {data.attendance && <Attendance attendance={data.attendance} />}
        {data.contacts && <Contacts contacts={data.contacts} />}
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
