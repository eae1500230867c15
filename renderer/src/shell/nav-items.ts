import { IconChartBar, IconChartHistogram, IconDatabaseExport, IconSearch, IconSettings, IconUsers, type Icon } from '@tabler/icons-react';

export interface NavItem {
  label: string;
  path: string;
  icon: Icon;
  /** Other locations that count as this page, for the active state. */
  aliases?: string[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Clients', path: '/clients', icon: IconUsers, aliases: ['/'] },
  { label: 'Search', path: '/search', icon: IconSearch },
  { label: 'Dashboard', path: '/dashboard', icon: IconChartBar },
  { label: 'Caseload', path: '/caseload', icon: IconChartHistogram },
  { label: 'Backups', path: '/backups', icon: IconDatabaseExport },
  { label: 'Settings', path: '/settings', icon: IconSettings },
];
