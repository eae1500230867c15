import { Group, Radio, Stack, Text, Title, useComputedColorScheme, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { SettingsSection } from './SettingsSection';

const CHOICES: ReadonlyArray<{ value: MantineColorScheme; label: string }> = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'Follow the system' },
];

const isColorScheme = (value: string): value is MantineColorScheme => CHOICES.some((choice) => choice.value === value);

/**
 * Light or dark screens, or the operating system's choice (the default). Applies at once and is
 * remembered on this computer (appearance/color-scheme.ts), so the unlock screen already shows it
 * before any vault is open.
 */
export function AppearanceSection() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');

  return (
    <>
      <Title order={2}>Appearance</Title>
      <SettingsSection
        title="Light or dark screens"
        description="Dark screens are easier on the eyes when writing notes late in the evening. Remembered on this computer, for every vault."
      >
        <Stack gap="xs">
          <Radio.Group label="Colour scheme" value={colorScheme} onChange={(value) => isColorScheme(value) && setColorScheme(value)}>
            <Group mt="xs">
              {CHOICES.map((choice) => (
                <Radio key={choice.value} value={choice.value} label={choice.label} />
              ))}
            </Group>
          </Radio.Group>
          {colorScheme === 'auto' && (
            <Text size="sm" c="dimmed">
              Your system is set to {computed} now; the app changes with it.
            </Text>
          )}
        </Stack>
      </SettingsSection>
    </>
  );
}
