// Orders the clinician's patient list by who needs attention, and works out today's adherence.
// Pure: the caller passes the day's boundaries and the prescription's sessions per day.

export interface PatientRow {
  readonly id: string;
  readonly displayName: string;
  readonly lastSessionAtMs: number | null;
  readonly sessionsLast7Days: number;
  readonly prescribedLast7Days: number | null;
  /** 0-1; null without a prescription. */
  readonly adherence7d: number | null;
  readonly openAlerts: number;
  /** Sessions done today / planned today; null when today's count is unknown or no plan. */
  readonly today: { readonly done: number; readonly planned: number } | null;
}

/**
 * Open alerts first (most first), then lowest 7-day adherence, then longest since the last
 * session (never = longest), then name. Patients with no plan sort after those with one at
 * equal alerts, since their adherence cannot be judged.
 */
export function byAttention(a: PatientRow, b: PatientRow): number {
  if (a.openAlerts !== b.openAlerts) return b.openAlerts - a.openAlerts;
  const aa = a.adherence7d ?? Number.POSITIVE_INFINITY;
  const ba = b.adherence7d ?? Number.POSITIVE_INFINITY;
  if (aa !== ba) return aa - ba;
  const al = a.lastSessionAtMs ?? Number.NEGATIVE_INFINITY;
  const bl = b.lastSessionAtMs ?? Number.NEGATIVE_INFINITY;
  if (al !== bl) return al - bl;
  return a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id);
}

/** Done sessions (the caller filters with `countsAsDone`) started within [dayStartMs, dayEndMs) against the plan; null without a plan. */
export function todayAdherence(
  sessionStartsMs: readonly number[],
  dayStartMs: number,
  dayEndMs: number,
  sessionsPerDay: number | null,
): { done: number; planned: number } | null {
  if (sessionsPerDay === null || sessionsPerDay <= 0) return null;
  const done = sessionStartsMs.filter((t) => t >= dayStartMs && t < dayEndMs).length;
  return { done, planned: sessionsPerDay };
}
