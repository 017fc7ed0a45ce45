// Session records on this device: finished ones (history), the one in progress (so a reload or
// a crash loses no reps), and the outbox copy for the clinic sync to send later.
import type { SessionRecord, SessionState } from '@anklepump/exercise';
import type { Method } from '../app/app.ts';
import { outboxWrite, sessionUpload } from '../sync/outbox.ts';
import type { Db } from './db.ts';
import type { Calibration } from './settings.ts';

export interface SessionContext {
  readonly method: Method;
  readonly screening: {
    readonly decision: string;
    readonly painNow: number;
    readonly supervisor?: string;
    readonly answers: unknown;
  } | null;
  readonly calibration: Calibration | null;
}

/** A finished session as stored and exported. */
export interface StoredSession {
  readonly record: SessionRecord;
  readonly context: SessionContext;
  readonly savedAtMs: number;
}

/** The session in progress: the reducer's state and how it was set up. */
export interface ActiveSession {
  readonly state: SessionState;
  readonly context: SessionContext;
  /**
   * When the rep engine first said the camera's view changed (epoch ms); null or absent (a copy
   * saved by an older app) if it has not. The record's degrees basis says it when the session ends.
   */
  readonly viewChangedAtMs?: number | null;
}

const ACTIVE = 'active';

export async function loadActive(db: Db): Promise<ActiveSession | null> {
  return (await db.get<ActiveSession | null>('kv', ACTIVE)) ?? null;
}

export async function saveActive(db: Db, active: ActiveSession): Promise<void> {
  await db.put('kv', ACTIVE, active);
}

/** Saves a finished session, queues it for the clinic and clears the in-progress copy, atomically. */
export async function saveFinished(db: Db, stored: StoredSession): Promise<void> {
  const id = stored.record.sessionId;
  await db.putMany([
    { store: 'sessions', key: id, value: stored },
    outboxWrite(sessionUpload(stored.record, stored.context.method)),
    { store: 'kv', key: ACTIVE, value: null },
  ]);
}

/** All finished sessions, oldest first. */
export async function allSessions(db: Db): Promise<StoredSession[]> {
  const all = await db.all<StoredSession>('sessions');
  return all.sort((a, b) => a.record.startedAtMs - b.record.startedAtMs);
}

/** Local calendar day 'YYYY-MM-DD' of an epoch-ms time. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Saves an amended session (e.g. pain after it) and queues the amendment for the clinic, atomically. */
export async function saveAmended(db: Db, stored: StoredSession): Promise<void> {
  await db.putMany([
    { store: 'sessions', key: stored.record.sessionId, value: stored },
    outboxWrite(sessionUpload(stored.record, stored.context.method)),
  ]);
}
