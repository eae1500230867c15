import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { BackupStatus } from '../../../shared/backup';
import { call } from '../api';
import { backupKeys, clientKeys } from '../lib/query-keys';

/** Read on every visit: a USB drive may have been unplugged, or an automatic backup run, since the last one. */
export function useBackupStatus() {
  return useQuery({ queryKey: backupKeys.status, queryFn: () => call('getBackupStatus'), staleTime: 0 });
}

/** Every backup call returns the whole status; this puts it where the page, Settings and Dashboard read it. */
export function useBackupStatusSaved(): (status: BackupStatus) => void {
  const queryClient = useQueryClient();
  return useCallback((status: BackupStatus) => queryClient.setQueryData(backupKeys.status, status), [queryClient]);
}

/** After a backup is written the status (last backup, recent list, overdue) must be read again. */
export function useBackupStatusStale(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: backupKeys.status }), [queryClient]);
}

/**
 * Every client, discharged ones too, for the export's client choice. Kept under the client lists' key so
 * adding, renaming or erasing a client marks it stale like the other lists.
 */
export function useExportClientOptions() {
  return useQuery({
    queryKey: clientKeys.exportOptions,
    queryFn: () => call('listClients', { status: 'all', sort: 'name' }),
    select: (data) => data.clients.map((client) => ({ value: client.id, label: `${client.legalName} (${client.code})` })),
  });
}
