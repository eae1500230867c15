import { Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { fileNameOf, formatSize } from './format';
import { ShowInFolderButton } from '../components/ShowInFolderButton';

interface FileSaved {
  title: string;
  path: string;
  bytes: number;
  /** A short fact after the size, such as "encrypted". */
  note?: string;
}

/** "Backup saved" or "Data exported", naming the file and its size, with "Show in folder". */
export function showFileSaved({ title, path, bytes, note }: FileSaved): void {
  notifications.show({
    color: 'teal',
    title,
    message: (
      <Stack gap={6} align="flex-start">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <bdi>{fileNameOf(path)}</bdi> ({formatSize(bytes)}
          {note ? `, ${note}` : ''})
        </Text>
        <ShowInFolderButton path={path} />
      </Stack>
    ),
    autoClose: 15_000,
  });
}
