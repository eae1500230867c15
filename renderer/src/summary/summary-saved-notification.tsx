import { Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ShowInFolderButton } from '../components/ShowInFolderButton';

/** The last part of a path, whichever separator the operating system uses. */
const fileNameOf = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** "Progress summary saved", naming the file, with a button that shows it in the file manager. */
export function showSummarySaved(path: string, pageCount: number): void {
  notifications.show({
    color: 'teal',
    title: 'Progress summary saved',
    message: <SavedMessage path={path} pageCount={pageCount} />,
    autoClose: 15_000,
  });
}

function SavedMessage({ path, pageCount }: { path: string; pageCount: number }) {
  return (
    <Stack gap={6} align="flex-start">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <bdi>{fileNameOf(path)}</bdi> ({pageCount === 1 ? '1 page' : `${pageCount} pages`})
      </Text>
      <ShowInFolderButton path={path} />
    </Stack>
  );
}
