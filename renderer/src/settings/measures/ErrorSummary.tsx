import type { Ref } from 'react';
import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { shownAtField, type FieldErrors } from './measure-validation';

/**
 * Above the save button: every message when there are several (a long form hides most of its fields),
 * and otherwise any message that has no field of its own to sit under.
 */
export function ErrorSummary({ errors, ref }: { errors: FieldErrors; ref?: Ref<HTMLDivElement> }) {
  const entries = Object.entries(errors);
  const listed = entries.length > 1 ? entries : entries.filter(([path]) => !shownAtField(path));
  if (listed.length === 0) return null;
  const title = entries.length > 1 ? `${entries.length} things to fix before saving` : 'Fix this before saving';
  return (
    <Alert ref={ref} tabIndex={-1} color="red" variant="light" title={title} icon={<IconAlertCircle aria-hidden />}>
      <List size="sm">
        {listed.map(([path, message]) => (
          <List.Item key={path}>{message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
