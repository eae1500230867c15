import { Checkbox, Stack, TextInput } from '@mantine/core';
import type { NoteExtras } from './note-extras';

interface RupturePanelProps {
  value: NoteExtras['rupture'];
  onChange: (value: NoteExtras['rupture']) => void;
}

/**
 * The practitioner's own "rupture noted" flag, which the alliance charts mark on this session, and
 * whether a repair (of this rupture or an earlier one) was worked on, which clears the engagement flag's
 * rupture reason.
 */
export function RupturePanel({ value, onChange }: RupturePanelProps) {
  // `repaired` is stored only when true, so a note that never used it keeps its earlier shape and hash.
  const setRepaired = (repaired: boolean) => {
    const { repaired: _dropped, ...rest } = value;
    onChange(repaired ? { ...rest, repaired: true } : rest);
  };
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
      <Checkbox
        label="Worked on repairing a rupture in this session"
        description="This session's rupture or an earlier one; the engagement flag counts a rupture as open until a repair is noted."
        checked={value.repaired === true}
        onChange={(event) => setRepaired(event.currentTarget.checked)}
      />
    </Stack>
  );
}
