import { powerMonitor } from 'electron';
import type { AppServices } from '../services/app-services';

/**
 * Locks the vault when the computer sleeps or the screen locks: whoever wakes or unlocks it next may
 * not be the practitioner. powerMonitor can only be used once the app is ready.
 */
export function lockWithOperatingSystem(services: AppServices): void {
  powerMonitor.on('suspend', () => services.vault.lock('system'));
  powerMonitor.on('lock-screen', () => services.vault.lock('system'));
}
