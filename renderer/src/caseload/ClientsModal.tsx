import { Anchor, List, Modal, Text, UnstyledButton } from '@mantine/core';
import type { ClientRef } from '../../../shared/caseload';
import { useGuardedLink } from '../navigation/navigation-guard';
import classes from './Caseload.module.css';

/** A number's clients, as the list behind it opens: what it counts, and who. */
export interface ShownClients {
  title: string;
  /** One line under the title saying what the list is ("Discharged without a planned ending, …"). */
  description: string;
  clients: readonly ClientRef[];
}

export type OpenClients = (shown: ShownClients) => void;

/**
 * A number that opens the list of clients it counts. Its name starts with the number shown, so
 * speaking what is on screen finds it; zero is plain text, having nobody to show.
 */
export function CountButton({ children, label, shown, onOpen }: { children: React.ReactNode; label: string; shown: ShownClients; onOpen: OpenClients }) {
  if (shown.clients.length === 0) return <span className={classes.count}>{children}</span>;
  return (
    <UnstyledButton className={`${classes.count} ${classes.countButton}`} aria-label={`${label}: show the clients`} aria-haspopup="dialog" onClick={() => onOpen(shown)}>
      {children}
    </UnstyledButton>
  );
}

/** The clients behind a number, by code, each a link to their page. */
export function ClientsModal({ shown, onClose }: { shown: ShownClients | null; onClose: () => void }) {
  const link = useGuardedLink();
  return (
    <Modal opened={shown !== null} onClose={onClose} title={shown?.title ?? ''} size="sm">
      {shown && (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {shown.description}
          </Text>
          <List listStyleType="none" spacing={4} aria-label={`Clients: ${shown.title}`}>
            {shown.clients.map((client) => {
              const to = link(`/clients/${client.clientId}`);
              return (
                <List.Item key={client.clientId}>
                  <Anchor
                    ff="monospace"
                    fw={600}
                    href={to.href}
                    onClick={(event) => {
                      onClose();
                      to.onClick(event);
                    }}
                  >
                    {client.code}
                  </Anchor>
                </List.Item>
              );
            })}
          </List>
        </>
      )}
    </Modal>
  );
}
