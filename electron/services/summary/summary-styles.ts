import { StyleSheet } from '@react-pdf/renderer';
import { SUMMARY_FONT_FAMILIES } from './pdf-fonts';

const INK = '#212529';
const MUTED = '#5c636a';
const RULE = '#adb5bd';

/** Page margins in points: room for the fixed header and footer. */
export const PAGE_MARGIN = { top: 64, bottom: 58, side: 50 };

export const styles = StyleSheet.create({
  page: {
    paddingTop: PAGE_MARGIN.top,
    paddingBottom: PAGE_MARGIN.bottom,
    paddingHorizontal: PAGE_MARGIN.side,
    fontFamily: SUMMARY_FONT_FAMILIES,
    fontSize: 9.5,
    color: INK,
    // Noto's ccmp splits precomposed letters such as "ị" into a base and a mark glyph; the base glyph
    // then carries no text of its own and copy-paste or search would read "Thi". Whole glyphs keep
    // the text extractable.
    fontFeatureSettings: { ccmp: false },
  },
  // The line height lives on the body, not the page: react-pdf re-resolves an inherited line height
  // when it draws the page numbers, multiplying it again and pushing the footer off the page.
  body: { lineHeight: '13.3pt' },
  header: {
    position: 'absolute',
    top: 26,
    left: PAGE_MARGIN.side,
    right: PAGE_MARGIN.side,
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderBottomWidth: 0.75,
    borderBottomColor: RULE,
    paddingBottom: 4,
    fontSize: 8.5,
  },
  confidential: { fontWeight: 700, color: '#c92a2a' },
  footer: {
    position: 'absolute',
    bottom: 24,
    left: PAGE_MARGIN.side,
    right: PAGE_MARGIN.side,
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderTopWidth: 0.75,
    borderTopColor: RULE,
    paddingTop: 4,
    fontSize: 8,
    color: MUTED,
  },
  title: { fontSize: 18, fontWeight: 700, lineHeight: 1.25, marginBottom: 8 },
  facts: { marginBottom: 10 },
  factRow: { flexDirection: 'row' },
  factLabel: { width: 110, color: MUTED },
  factValue: { flex: 1 },
  heading: { fontSize: 12.5, lineHeight: 1.3, fontWeight: 700, marginTop: 14, marginBottom: 5, paddingBottom: 2, borderBottomWidth: 0.5, borderBottomColor: RULE },
  muted: { color: MUTED },
  small: { fontSize: 8.5 },
  table: { borderTopWidth: 0.75, borderTopColor: INK },
  tableHead: { flexDirection: 'row', borderBottomWidth: 0.75, borderBottomColor: INK, fontWeight: 700, paddingVertical: 2.5 },
  tableRow: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: RULE, paddingVertical: 2.5 },
  cell: { paddingRight: 6 },
  goal: { borderBottomWidth: 0.5, borderBottomColor: RULE, paddingVertical: 4 },
  goalText: { fontWeight: 700 },
  chartBlock: { marginBottom: 10 },
  chartTitle: { fontWeight: 700, marginBottom: 3 },
  numbersBlock: { marginBottom: 8 },
  panelTitle: { fontSize: 7.5, fontWeight: 700, fill: INK },
  axisText: { fontSize: 6.5, fill: MUTED },
  axisTitle: { fontSize: 6.5, fill: MUTED },
  axisCaption: { fontSize: 7.5, color: MUTED },
  legend: { flexDirection: 'row', flexWrap: 'wrap', marginTop: 2 },
  legendItem: { flexDirection: 'row', alignItems: 'center', marginRight: 10 },
  legendSwatch: { width: 12, height: 2.5, marginRight: 3 },
  legendText: { fontSize: 7.5 },
  excerptNote: { marginBottom: 7 },
  excerptDate: { fontWeight: 700, marginBottom: 1 },
  excerptLabel: { fontStyle: 'italic', color: MUTED },
  privateLabel: { fontStyle: 'italic', color: '#c92a2a' },
  signature: { marginTop: 28 },
  signatureLine: { width: 220, borderBottomWidth: 0.75, borderBottomColor: INK, height: 28, marginBottom: 3 },
});
