import { Badge, Group, Text } from '@mantine/core';
import { formatDay } from '../../../shared/measures';
import { localIsoDate } from '../../../shared/dates';

/** "entered 7 December 2026": the local day a late entry was typed in. */
export const enteredOn = (createdAt: string): string => `entered ${formatDay(localIsoDate(new Date(createdAt)))}`;

interface ResultMarksProps {
  /** When the result was entered, if it was entered after its note was signed. */
  lateEntry: string | null;
  /** The reason it was struck out, if it was. */
  struckOut: string | null;
  sessionVoided: boolean;
}

/**
 * What a result's row says about how it stands in the record: a late entry with the day it was
 * entered, struck out with the reason, or of a voided session. Written out as text, so a screen
 * reader hears it as well as the strike-through is seen.
 */
export function ResultMarks({ lateEntry, struckOut, sessionVoided }: ResultMarksProps) {
  if (lateEntry === null && struckOut === null && !sessionVoided) return null;
  return (
    <Group gap={6} wrap="wrap">
      {lateEntry !== null && (
        <>
          <Badge size="sm" variant="light" color="grape" tt="none">
            Late entry
          </Badge>
          <Text size="xs" c="dimmed" span>
            {enteredOn(lateEntry)}
          </Text>
        </>
      )}
      {struckOut !== null && (
        <Text size="xs" span>
          Struck out: <bdi>{struckOut}</bdi>
        </Text>
      )}
      {sessionVoided && struckOut === null && (
        <Text size="xs" span>
          Session voided
        </Text>
      )}
    </Group>
  );
}

/** A value of a result left out of the chart, struck through; a blank cell stays a plain dash. */
export function StruckValue({ value }: { value: number | null | undefined }) {
  if (value === undefined) return <>–</>;
  return <s>{value ?? '–'}</s>;
}
