import type { ReactNode } from 'react';
import { DataList, Paper, Text, Title } from '@mantine/core';

export type Detail = [label: string, value: ReactNode];

/** A titled block of label/value pairs; empty values say so quietly instead of leaving a gap. */
export function DetailBlock({ title, details }: { title: string; details: readonly Detail[] }) {
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <DataList labelWidth={170} withDivider>
        {details.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} dir="auto">
              {value === '' || value === null ? (
                <Text span c="dimmed" size="sm">
                  Not recorded
                </Text>
              ) : (
                value
              )}
            </DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Paper>
  );
}
