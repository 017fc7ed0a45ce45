// Wall-clock time in an IANA time zone using only Intl: local date/time <-> epoch ms, offsets,
// and DST gaps and overlaps resolved the way Temporal's 'compatible' mode does.

export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows (e.g. 'Europe/Berlin', 'UTC'). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Local calendar fields (seconds included) of `epochMs` in `timeZone`. */
export function localPartsAt(timeZone: string, epochMs: number): LocalDateTime & { readonly second: number } {
  const parts = formatter(timeZone).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/** Offset of `timeZone` from UTC at `epochMs`, minutes (east positive: CEST = 120). */
export function offsetMinAt(timeZone: string, epochMs: number): number {
  const p = localPartsAt(timeZone, epochMs);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const whole = Math.floor(epochMs / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

/**
 * Epoch ms of a local wall time in `timeZone`. A time skipped by a DST jump (02:30 on a
 * spring-forward night) moves forward by the gap; a time that occurs twice takes the earlier.
 */
export function zonedToEpochMs(timeZone: string, local: LocalDateTime): number {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const before = offsetMinAt(timeZone, naive - 86_400_000);
  const after = offsetMinAt(timeZone, naive + 86_400_000);
  const candidates = [...new Set([before, after])]
    .map((off) => naive - off * 60_000)
    .filter((t) => {
      const p = localPartsAt(timeZone, t);
      return (
        p.year === local.year &&
        p.month === local.month &&
        p.day === local.day &&
        p.hour === local.hour &&
        p.minute === local.minute
      );
    })
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0]!;
  // In a gap: read the wall time with the offset from before the jump, which lands after it.
  return naive - before * 60_000;
}

/** 'YYYY-MM-DD' of `epochMs` in `timeZone`. */
export function localDateOf(timeZone: string, epochMs: number): string {
  const p = localPartsAt(timeZone, epochMs);
  return formatDate(p.year, p.month, p.day);
}

/** 'HH:MM' of `epochMs` in `timeZone`. */
export function localTimeOf(timeZone: string, epochMs: number): string {
  const p = localPartsAt(timeZone, epochMs);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** Minutes after midnight of a 24-hour 'HH:MM' (or 'H:MM'), or null when it is not one. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Fields of a real calendar date 'YYYY-MM-DD', or null (2026-02-30 is null). */
export function parseDate(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() + 1 !== month || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The calendar date `days` after `date` ('YYYY-MM-DD'); calendar arithmetic, no time zone involved. */
export function addDays(date: string, days: number): string {
  const p = parseDate(date);
  if (!p) throw new RangeError(`date must be YYYY-MM-DD, got ${date}`);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
