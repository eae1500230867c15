/** Shared by the backup bench row and its child process (which must not be imported: it runs on load). */
export const BENCH_PASSPHRASE = 'bench orchard quartz meadow 2231';
export const BENCH_BACKUP_PASSPHRASE = 'bench copper relay whistle 5120';
