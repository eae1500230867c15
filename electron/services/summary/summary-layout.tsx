import type { ReactNode } from 'react';
import { Text, View } from '@react-pdf/renderer';
import { styles } from './summary-styles';

/** The summary's building blocks: a labelled fact, a section heading and a ruled table. */

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View style={styles.factRow}>
      <Text style={styles.factLabel}>{label}</Text>
      <Text style={styles.factValue}>{children}</Text>
    </View>
  );
}

export function Heading({ children }: { children: ReactNode }) {
  // minPresenceAhead keeps a heading from sitting alone at the foot of a page.
  return (
    <Text style={styles.heading} minPresenceAhead={40}>
      {children}
    </Text>
  );
}

export interface Column<Row> {
  label: string;
  width: number | string;
  value: (row: Row) => string;
}

/** A ruled table whose rows never split across pages; the header repeats on every page. */
export function Table<Row>({ columns, rows, label }: { columns: Column<Row>[]; rows: Row[]; label: string }) {
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

