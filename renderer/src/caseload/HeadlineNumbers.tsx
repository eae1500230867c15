import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CaseloadOutcomes } from '../../../shared/caseload';
import { clientList } from '../../../shared/caseload-rules';
import { percent } from '../../../shared/caseload-chart';
import { CountButton, type OpenClients } from './ClientsModal';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function Headline({ title, children, detail }: { title: string; children: React.ReactNode; detail?: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={500}>
          {title}
        </Text>
        <Text fz={28} fw={700} lh={1.2}>
          {children}
        </Text>
        {detail && (
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Active clients, sessions held, attendance and drop-outs: each number opens the clients it counts. */
export function HeadlineNumbers({ outcomes, onOpen, periodWords }: { outcomes: CaseloadOutcomes; onOpen: OpenClients; periodWords: string }) {
  const { activeClients, sessionsHeld, attendance, dropOuts, plannedEndings, endingsNotRecorded } = outcomes;
  const booked = clientList([...activeClients, ...attendance.missedClients]);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <Headline title="Active clients" detail="At least one attended session">
        <CountButton
          label={`${activeClients.length} active clients`}
          shown={{ title: 'Active clients', description: `At least one attended session, ${periodWords}.`, clients: activeClients }}
          onOpen={onOpen}
        >
          {activeClients.length.toLocaleString()}
        </CountButton>
      </Headline>
      <Headline title="Sessions held" detail={`With ${plural(sessionsHeld.clients.length, 'client', 'clients')}`}>
        <CountButton
          label={`${sessionsHeld.count} sessions held`}
          shown={{ title: 'Sessions held', description: `Clients with an attended session, ${periodWords}.`, clients: sessionsHeld.clients }}
          onOpen={onOpen}
        >
          {sessionsHeld.count.toLocaleString()}
        </CountButton>
      </Headline>
      <Headline
        title="Attendance"
        detail={
          <>
            {attendance.attended.toLocaleString()} attended,{' '}
            <CountButton
              label={`${attendance.missed} missed`}
              shown={{ title: 'Missed sessions', description: `Clients with a no-show or late cancellation, ${periodWords}.`, clients: attendance.missedClients }}
              onOpen={onOpen}
            >
              {attendance.missed.toLocaleString()} missed
            </CountButton>
          </>
        }
      >
        {attendance.rate === null ? (
          <span>–</span>
        ) : (
          <CountButton
            label={`${percent(attendance.rate)} attendance`}
            shown={{ title: 'Attendance', description: `Clients with a session booked, attended or missed, ${periodWords}.`, clients: booked }}
            onOpen={onOpen}
          >
            {percent(attendance.rate)}
          </CountButton>
        )}
      </Headline>
      <Headline
        title="Drop-outs"
        detail={
          <>
            <CountButton
              label={plural(plannedEndings.length, 'planned ending', 'planned endings')}
              shown={{ title: 'Planned endings', description: `Discharged with a planned ending, ${periodWords}.`, clients: plannedEndings }}
              onOpen={onOpen}
            >
              {plural(plannedEndings.length, 'planned ending', 'planned endings')}
            </CountButton>
            {endingsNotRecorded.length > 0 && (
              <>
                {', '}
                <CountButton
                  label={plural(endingsNotRecorded.length, 'ending', 'endings') + ' not recorded'}
                  shown={{ title: 'Endings not recorded', description: `Discharged ${periodWords} without how therapy ended being recorded.`, clients: endingsNotRecorded }}
                  onOpen={onOpen}
                >
                  {plural(endingsNotRecorded.length, 'ending', 'endings')} not recorded
                </CountButton>
              </>
            )}
          </>
        }
      >
        <CountButton
          label={`${dropOuts.length} drop-outs`}
          shown={{ title: 'Drop-outs', description: `Discharged ${periodWords} without a planned ending.`, clients: dropOuts }}
          onOpen={onOpen}
        >
          {dropOuts.length.toLocaleString()}
        </CountButton>
      </Headline>
    </SimpleGrid>
  );
}
