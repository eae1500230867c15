import { useId } from 'react';
import { Badge, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ChartSeriesInput } from '../../../shared/measures';
import { APPROACH_COLORS, APPROACH_LABELS, APPROACH_SHORT, approachWords } from '../../../shared/note-labels';
import { sessionApproaches } from '../../../shared/notes';
import { call } from '../api';
import { formatLocalDay } from '../lib/dates';
import { noteKeys } from '../lib/query-keys';
import { stripCells } from './approach-strip';

/** Always read fresh: the approach is edited in notes, which do not tell the Measures tab. */
function useSessionApproaches(clientId: string) {
  return useQuery({ queryKey: noteKeys.approaches(clientId), queryFn: () => call('listSessionApproaches', { clientId }), staleTime: 0 });
}

/**
 * Under the alliance chart: the approach of each charted session beside its bond score, so the
 * practitioner can see which way of working went with a stronger bond for this client. Read as a list
 * ("7 Dec 2026: supportive, task-oriented; Bond 9"); the short labels and colours are for the eye.
 */
export function ApproachStrip({ clientId, series }: { clientId: string; series: readonly ChartSeriesInput[] }) {
  const approaches = useSessionApproaches(clientId);
  const titleId = useId();
  if (!approaches.data) return null;
  const { cells, scoreLabel } = stripCells(series, approaches.data.sessions);
  if (cells.length === 0 || cells.every((cell) => cell.approaches.length === 0)) return null;
  return (
    <Stack gap={4} mt="sm">
      <Text size="sm" fw={500} id={titleId}>
        Approach by session
      </Text>
      <Group component="ul" gap={4} wrap="wrap" aria-labelledby={titleId} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {cells.map((cell) => (
          <Stack component="li" key={cell.key} gap={2} align="center" miw={64} p={4} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
            <VisuallyHidden>
              {formatLocalDay(cell.date)}: {cell.approaches.length > 0 ? approachWords(cell.approaches) : 'no approach recorded'}
              {cell.score !== null ? `; ${scoreLabel} ${cell.score}` : ''}
            </VisuallyHidden>
            <Text size="xs" c="dimmed" aria-hidden>
              {formatLocalDay(cell.date)}
            </Text>
            <Group gap={2} justify="center" aria-hidden>
              {cell.approaches.length === 0 && (
                <Text size="xs" c="dimmed">
                  –
                </Text>
              )}
              {cell.approaches.map((approach) => (
                <Badge key={approach} size="xs" radius="sm" color={`${APPROACH_COLORS[approach]}.8`} variant="filled" title={APPROACH_LABELS[approach]}>
                  {APPROACH_SHORT[approach]}
                </Badge>
              ))}
            </Group>
            {cell.score !== null && (
              <Text size="xs" aria-hidden>
                {scoreLabel} {cell.score}
              </Text>
            )}
          </Stack>
        ))}
      </Group>
      <Group gap="sm" wrap="wrap" role="group" aria-label="Approach legend">
        {sessionApproaches.map((approach) => (
          <Group key={approach} gap={4} wrap="nowrap">
            <Badge size="xs" radius="sm" color={`${APPROACH_COLORS[approach]}.8`} variant="filled" aria-hidden>
              {APPROACH_SHORT[approach]}
            </Badge>
            <Text size="xs">{APPROACH_LABELS[approach]}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
