import type { Client } from '../../../../shared/clients';
import { useTimelineExtras } from '../../engagement/useTimelineExtras';
import { SessionsTab } from '../../notes/SessionsTab';

/** The client's timeline: sessions, and among them missed sessions and contacts between sessions. */
export function ClientSessionsTab({ client }: { client: Client }) {
  const extras = useTimelineExtras(client);
  return <SessionsTab client={client} extras={extras} />;
}
