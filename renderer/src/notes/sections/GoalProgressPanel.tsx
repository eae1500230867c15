import { Checkbox, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import type { Goal } from '../../../../shared/clients';
import { goalProgressMarks, type GoalProgressMark } from '../../../../shared/notes';
import { PROGRESS_LABELS } from '../../../../shared/note-labels';
import type { NoteExtras } from './note-extras';

interface GoalProgressPanelProps {
  goals: readonly Goal[];
  value: NoteExtras['goalProgress'];
  onChange: (value: NoteExtras['goalProgress']) => void;
}

const progressOptions = goalProgressMarks.map((mark) => ({ value: mark, label: PROGRESS_LABELS[mark] }));

/** Which treatment-plan goals this session worked on, each with a progress mark. */
export function GoalProgressPanel({ goals, value, onChange }: GoalProgressPanelProps) {
  const marked = new Map(value.map((mark) => [mark.goalId, mark.progress]));
  // Active goals, plus any goal this note already marks even if it has since been closed.
  const shown = goals.filter((goal) => goal.status === 'active' || marked.has(goal.id));
  if (shown.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This client has no active treatment goals yet. Add them on the client&apos;s Treatment plan tab.
      </Text>
    );
  }
  const toggle = (goalId: string, worked: boolean) =>
    onChange(worked ? [...value, { goalId, progress: 'no_change' }] : value.filter((mark) => mark.goalId !== goalId));
  const setProgress = (goalId: string, progress: GoalProgressMark) =>
    onChange(value.map((mark) => (mark.goalId === goalId ? { ...mark, progress } : mark)));

  return (
    <Stack gap="xs" role="group" aria-label="Goals worked on">
      {shown.map((goal) => {
        const progress = marked.get(goal.id);
        return (
          <Group key={goal.id} justify="space-between" wrap="wrap" gap="xs">
            <Checkbox label={goal.text} checked={progress !== undefined} onChange={(event) => toggle(goal.id, event.currentTarget.checked)} styles={{ label: { direction: 'ltr', unicodeBidi: 'plaintext' } }} />
            {progress !== undefined && (
              <SegmentedControl
                size="xs"
                aria-label={`Progress on: ${goal.text}`}
                data={progressOptions}
                value={progress}
                onChange={(next) => setProgress(goal.id, next as GoalProgressMark)}
              />
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
