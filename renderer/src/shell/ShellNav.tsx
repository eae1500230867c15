import { NavLink, Stack } from '@mantine/core';
import { useLocation } from 'wouter';
import { NAV_ITEMS } from './nav-items';

/** Main navigation; plain hash links so they work from the keyboard and with the browser's history. */
export function ShellNav() {
  const [location] = useLocation();
  return (
    <Stack component="nav" aria-label="Main" gap={4}>
      {NAV_ITEMS.map(({ label, path, icon: Icon, aliases = [] }) => {
        const active = location === path || location.startsWith(`${path}/`) || aliases.includes(location);
        return (
          <NavLink
            key={path}
            href={`#${path}`}
            label={label}
            active={active}
            aria-current={active ? 'page' : undefined}
            leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
            variant="light"
          />
        );
      })}
    </Stack>
  );
}
