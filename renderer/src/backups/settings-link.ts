import type { MouseEvent } from 'react';
import { useGuardedLink } from '../navigation/navigation-guard';

// Hash routing leaves no fragment for "#backups"; a one-shot flag tells Settings to bring its Backups block into view.
let sectionRequested = false;

/** `href`/`onClick` for "Settings → Backups": goes to Settings and asks it to scroll to the Backups block. */
export function useBackupSettingsLink(): { href: string; onClick: (event: MouseEvent<HTMLElement>) => void } {
  const { href, onClick } = useGuardedLink()('/settings');
  return {
    href,
    onClick: (event) => {
      sectionRequested = true;
      onClick(event);
    },
  };
}

/** True once after a "Settings → Backups" link was followed. */
export function takeBackupSectionRequest(): boolean {
  const requested = sectionRequested;
  sectionRequested = false;
  return requested;
}
