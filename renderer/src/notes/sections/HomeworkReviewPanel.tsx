import { Checkbox, Stack, Text } from '@mantine/core';
import type { NoteExtras } from './note-extras';

interface HomeworkReviewPanelProps {
  value: NoteExtras['homeworkReview'];
  onChange: (value: NoteExtras['homeworkReview']) => void;
}

/** Last session's homework, carried over from the previous note, ticked off as it is reviewed. */
export function HomeworkReviewPanel({ value, onChange }: HomeworkReviewPanelProps) {
  if (value.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No homework was set in the previous note. Homework you add below as a task list will be here to review next time.
      </Text>
    );
  }
  return (
    <Stack gap={6} role="group" aria-label="Review of last session's homework">
      <Text size="sm" fw={500}>
        Last session&apos;s homework
      </Text>
      {value.map((item, index) => (
        <Checkbox
          key={index}
          label={item.text}
          checked={item.done}
          onChange={(event) => {
            const done = event.currentTarget.checked;
            onChange(value.map((other, at) => (at === index ? { ...other, done } : other)));
          }}
        />
      ))}
    </Stack>
  );
}
