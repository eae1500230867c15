import { NavLink, Stack } from '@mantine/core';
import { useLocation } from 'wouter';
import { useGuardedLink } from '../navigation/navigation-guard';
import { NAV_ITEMS } from './nav-items';

/**
 * Main navigation; real hash links (keyboard, "open link" semantics) that go through the unsaved-changes
 * guard, so leaving a half-filled form asks first.
 */
export function ShellNav() {
  const [location] = useLocation();
  const link = useGuardedLink();
  return (
    <Stack component="nav" aria-label="Main" gap={4}>
      {NAV_ITEMS.map(({ label, path, icon: Icon, aliases = [] }) => {
        const active = location === path || location.startsWith(`${path}/`) || aliases.includes(location);
        return (
          <NavLink
            key={path}
            {...link(path)}
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
