import { Text } from '@mantine/core';
import type { Snippet } from '../../../shared/notes';
import classes from './Search.module.css';

/**
 * A snippet as the service cut it: plain segments and matched ones. React escapes every segment, so a
 * note's text can never become markup here; matches are wrapped in <mark>.
 */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  if (snippet.length === 0) return null;
  return (
    <Text size="sm" c="light-dark(var(--mantine-color-dark-4), var(--mantine-color-dark-1))" dir="auto" lineClamp={2} className={classes.snippet}>
      {snippet.map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </Text>
  );
}
