import { useState, type FormEvent } from 'react';
import { Accordion, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { itemNamesSchema, MAX_ITEM_NAME } from '../../../../shared/measure-item-names';
import type { MeasureDefinition } from '../../../../shared/measures';
import { ApiError, call, errorMessage } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useItemNames, useItemNamesSaved } from '../../measures/item-names';
import { useMeasureDefinitions } from '../../measures/queries';
import { SettingsSection } from '../SettingsSection';

/**
 * Names for the items of licensed, score-only measures (WAI-SR, SRS, ORS), typed once from the
 * practitioner's own licensed form: measure entry and result details then show them beside the item
 * number. The app ships no licensed wording; these stay in this vault.
 */
export function ItemNamesSection() {
  const definitions = useMeasureDefinitions();
  const names = useItemNames();
  const scoreOnly = (definitions.data?.measures ?? []).filter((measure) => measure.scoreOnly);
  const failure = definitions.error ?? names.error;
  return (
    <SettingsSection
      title="Licensed item names"
      description="These measures ship without their wording. Name each item once, from your own licensed form, and the names show when you enter and read results instead of only “Item 1…n”. Leave a name empty to show the number alone."
    >
      {failure && <ErrorAlert message={errorMessage(failure)} />}
      {names.data && scoreOnly.length > 0 && (
        <Accordion variant="separated" multiple>
          {scoreOnly.map((measure) => (
            <Accordion.Item key={measure.id} value={measure.id}>
              <Accordion.Control>{measure.name}</Accordion.Control>
              <Accordion.Panel>
                <MeasureItemNames measure={measure} saved={names.data.names[measure.id] ?? {}} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </SettingsSection>
  );
}

function MeasureItemNames({ measure, saved }: { measure: MeasureDefinition; saved: Readonly<Record<string, string>> }) {
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(measure.items.map((item) => [item.key, saved[item.key] ?? ''])));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const namesSaved = useItemNamesSaved();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The contract's own rule, so a name too long is named at its field before anything is sent.
    const checked = itemNamesSchema.safeParse(draft);
    if (!checked.success) {
      setFieldErrors(Object.fromEntries(checked.error.issues.map((issue) => [String(issue.path[0] ?? ''), issue.message])));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { names } = await call('saveMeasureItemNames', { measureId: measure.id, names: checked.data });
      namesSaved(names);
      setDraft(Object.fromEntries(measure.items.map((item) => [item.key, names[measure.id]?.[item.key] ?? ''])));
      notifications.show({ color: 'teal', message: `Item names for ${measure.shortName} saved` });
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors : {};
      const atItems = Object.fromEntries(Object.entries(fields).flatMap(([path, message]) => (path.startsWith('names.') ? [[path.slice('names.'.length), message]] : [])));
      setFieldErrors(atItems);
      if (Object.keys(atItems).length === 0) setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Item names, ${measure.shortName}`}>
      <Stack gap="xs" maw={560}>
        <ErrorAlert message={error} />
        {measure.items.map((item, index) => {
          const value = draft[item.key] ?? '';
          return (
            <TextInput
              key={item.key}
              label={`${measure.shortName} item ${index + 1}`}
              value={value}
              error={fieldErrors[item.key]}
              description={value.length > MAX_ITEM_NAME ? `${value.length} of ${MAX_ITEM_NAME} characters` : undefined}
              dir="auto"
              onChange={(event) => {
                const next = event.currentTarget.value;
                setDraft((current) => ({ ...current, [item.key]: next }));
                setFieldErrors(({ [item.key]: _dropped, ...rest }) => rest);
              }}
            />
          );
        })}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Up to {MAX_ITEM_NAME} characters each.
          </Text>
          <Button type="submit" loading={busy}>
            Save names for {measure.shortName}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
