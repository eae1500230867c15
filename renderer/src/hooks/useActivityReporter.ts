import { useEffect } from 'react';
import { call } from '../api';

const REPORT_INTERVAL_MS = 5000;
const EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * Tells the main side the practitioner is still here, so the idle auto-lock restarts its clock.
 * Throttled because the main side only needs to know "recently", not every keystroke.
 */
export function useActivityReporter(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let lastReport = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastReport < REPORT_INTERVAL_MS) return;
      lastReport = now;
      // A failure here is harmless: at worst the vault locks on time, and VAULT_LOCKED re-reads the status.
      call('reportActivity').catch(() => undefined);
    };
    const options = { passive: true, capture: true } as const;
    EVENTS.forEach((name) => window.addEventListener(name, onActivity, options));
    return () => EVENTS.forEach((name) => window.removeEventListener(name, onActivity, options));
  }, [enabled]);
}
