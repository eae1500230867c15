import { DataList, List, ThemeIcon } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { COUNT_LABELS, type BackupInfo, type RecordCounts } from '../../../shared/backup';
import { formatAgo, formatDateTime } from '../lib/dates';
import { formatSize } from './format';

const number = new Intl.NumberFormat();

/** Clients, sessions, notes and measure results, always in that order, as label/value rows. */
export function countRows(counts: RecordCounts): [string, string][] {
  return COUNT_LABELS.map(([table, label]) => [label, number.format(counts[table] ?? 0)]);
}

/** Label/value rows about a backup: when it was made, by which version, how big, what it holds. */
export function backupInfoRows(info: BackupInfo): [string, string][] {
  return [
    ['Created', `${formatDateTime(info.createdAt)} (${formatAgo(info.createdAt)})`],
    ['Made by Alliance Notes', info.appVersion],
    ['File size', formatSize(info.fileBytes)],
    ...countRows(info.counts),
  ];
}

export function FactList({ rows, label, labelWidth = 180 }: { rows: [string, string][]; label: string; labelWidth?: number }) {
  return (
    <DataList labelWidth={labelWidth} withDivider aria-label={label}>
      {rows.map(([name, value]) => (
        <DataList.Item key={name}>
          <DataList.ItemLabel>{name}</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

/** The checks a verification passed, each with a tick, in the order they were made. */
export function CheckList({ checks }: { checks: readonly string[] }) {
  return (
    <List
      aria-label="Checks passed"
      spacing={4}
      size="sm"
      icon={
        <ThemeIcon color="teal" size={20} radius="xl" aria-hidden>
          <IconCheck size={14} />
        </ThemeIcon>
      }
    >
      {checks.map((check) => (
        <List.Item key={check}>{check}</List.Item>
      ))}
    </List>
  );
}
