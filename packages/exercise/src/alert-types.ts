// Alerts for clinicians, as data: a stable code, a severity, a plain message and the evidence
// that triggered it. The server stores them; the web shows them.

import type { Side } from './dose.ts';

export type AlertSeverity = 'urgent' | 'warning';

export type Alert =
  | {
      readonly code: 'sharp-pain';
      readonly severity: 'urgent';
      readonly message: string;
      readonly evidence: {
        readonly sessionId: string;
        readonly atMs: number;
        readonly painLevel: number | null;
      };
    }
  | {
      readonly code: 'pain-rising';
      readonly severity: 'urgent';
      readonly message: string;
      readonly evidence: {
        readonly sessionId: string;
        readonly atMs: number;
        readonly before: number;
        readonly now: number;
      };
    }
  | {
      readonly code: 'pain-high';
      readonly severity: 'urgent';
      readonly message: string;
      readonly evidence: { readonly sessionId: string; readonly atMs: number; readonly painLevel: number };
    }
  | {
      readonly code: 'low-adherence';
      readonly severity: 'warning';
      readonly message: string;
      readonly evidence: {
        readonly days: readonly {
          readonly date: string;
          readonly done: number;
          readonly prescribed: number;
        }[];
      };
    }
  | {
      readonly code: 'range-falling';
      readonly severity: 'warning';
      readonly message: string;
      readonly evidence: {
        readonly side: Side;
        readonly baselineDeg: number;
        readonly latestDeg: number;
        readonly baselineDates: readonly string[];
        readonly latestDate: string;
      };
    };
