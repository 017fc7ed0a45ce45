// What every portal screen gets: the API, strings, the signed-in clinician, and a few helpers
// for dates and polite announcements; plus the types a screen returns.
import type { Me, PortalApi } from './portal-api.ts';
import type { PortalKey } from './strings.ts';

export interface Portal {
  readonly api: PortalApi;
  readonly t: (key: PortalKey, vars?: Record<string, string | number>) => string;
  readonly me: Me;
  readonly now: () => number;
  /** Goes to a hash route, e.g. `#/patient/abc`. */
  navigate(hash: string): void;
  /** Reads a short message out to screen readers (and shows it in the status line). */
  announce(message: string): void;
  /** Re-counts open alerts for the navigation badge. */
  refreshAlertCount(): Promise<void>;
}

export interface Screen {
  readonly title: string;
  readonly el: HTMLElement;
}

/** Date and time the clinician reads (their locale's order, 24 h for the clinic). */
export function when(ms: number): string {
  return new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function day(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}
