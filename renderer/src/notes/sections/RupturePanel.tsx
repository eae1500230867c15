import { Checkbox, Stack, TextInput } from '@mantine/core';
import type { NoteExtras } from './note-extras';

interface RupturePanelProps {
  value: NoteExtras['rupture'];
  onChange: (value: NoteExtras['rupture']) => void;
}

/** The practitioner's own "rupture noted" flag, which the alliance charts mark on this session. */
export function RupturePanel({ value, onChange }: RupturePanelProps) {
  return (
    <Stack gap="xs">
      <Checkbox
        label="Rupture noted"
        description="Withdrawal or confrontation in the relationship; the alliance chart marks this session."
        checked={value.noted}
        onChange={(event) => onChange({ ...value, noted: event.currentTarget.checked })}
      />
      {value.noted && (
        <TextInput
          label="What happened, briefly"
          maxLength={500}
          value={value.description}
          onChange={(event) => onChange({ ...value, description: event.currentTarget.value })}
        />
      )}
    </Stack>
  );
}
