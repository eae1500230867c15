import { Badge, Group, Text } from '@mantine/core';
import type { SearchResult } from '../../../shared/notes';
import { formatLocalDay } from '../lib/dates';
import { KIND_LABELS, STATUS_COLORS, STATUS_LABELS } from './search-labels';
import { SnippetText } from './SnippetText';

/** What one search result says; the option element around it belongs to SearchResultList. */
export function SearchResultRow({ result }: { result: SearchResult }) {
  return (
    <>
      <Group gap={8} wrap="nowrap" miw={0}>
        <Badge variant="light" color={result.kind === 'note' ? 'sage' : 'gray'} radius="sm" tt="none" w={64} style={{ flexShrink: 0 }}>
          {KIND_LABELS[result.kind]}
        </Badge>
        <Text fw={600} truncate dir="auto">
          {result.clientName}
        </Text>
        <Badge variant="outline" color="gray" radius="sm" ff="monospace" tt="none" style={{ flexShrink: 0 }}>
          {result.clientCode}
        </Badge>
        {result.sessionDate && (
          <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
            {formatLocalDay(result.sessionDate)}
          </Text>
        )}
        {result.status && (
          <Badge variant="light" color={STATUS_COLORS[result.status]} radius="sm" style={{ flexShrink: 0 }}>
            {STATUS_LABELS[result.status]}
          </Badge>
        )}
      </Group>
      <SnippetText snippet={result.snippet} />
    </>
  );
}
