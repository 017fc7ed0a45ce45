// The repository interface: everything the server keeps, behind one set of methods that both
// the SQLite and the PostgreSQL implementations honour (one contract suite runs against both).

import type { AlertSeverity, AuditEntry, RecordKind } from '@anklepump/exercise';

// The record kinds are the sync contract's (one definition, in exercise).
export type { RecordKind };
export type Role = 'admin' | 'clinician' | 'patient';

export interface User {
  id: string;
  role: Role;
  email: string | null;
  displayName: string;
  passwordHash: string | null;
  failedLogins: number;
  lockedUntilMs: number;
  disabled: boolean;
  createdMs: number;
  /** IANA zone the patient's device reported; null until it syncs one. */
  timeZone: string | null;
}

export interface AuthSession {
  tokenHash: string;
  userId: string;
  kind: 'web' | 'device';
  csrf: string;
  label: string;
  createdMs: number;
  lastSeenMs: number;
  expiresMs: number;
}

export interface Prescription {
  patientId: string;
  version: number;
  /** The regimen document as the exercise package defines it. */
  regimen: unknown;
  note: string;
  changedBy: string;
  changedMs: number;
}

export interface StoredRecord {
  id: string;
  patientId: string;
  kind: RecordKind;
  idempotencyKey: string;
  body: unknown;
  occurredMs: number;
  receivedMs: number;
}

export interface NewRecord {
  id: string;
  kind: RecordKind;
  idempotencyKey: string;
  body: unknown;
  /** SHA-256 of the canonical body: a replay with the same key but other content is a conflict. */
  bodyHash: string;
  occurredMs: number;
}

export type PutResult =
  | { status: 'created'; id: string }
  | { status: 'duplicate'; id: string }
  /** A stored session replaced by the same session with pain after it added (exercise's rule). */
  | { status: 'amended'; id: string }
  | { status: 'conflict'; id: string };

export interface Alert {
  id: string;
  patientId: string;
  kind: string;
  severity: AlertSeverity;
  message: string;
  recordId: string | null;
  dedupeKey: string;
  createdMs: number;
  ackBy: string | null;
  ackMs: number | null;
}

/** The audit trail's entry is part of the API contract, declared once in exercise. */
export type { AuditEntry };

export interface PatientSummary {
  id: string;
  displayName: string;
  createdMs: number;
  lastSessionMs: number | null;
  /** Sessions at or after the summary's `sinceMs` that count as done (exercise's countsAsDone). */
  doneSince: number;
  openAlerts: number;
  prescriptionVersion: number | null;
  /** When the patient's first prescription was set (epoch ms), null without one. */
  prescribedSinceMs: number | null;
  /** The current prescription's regimen document, if any. */
  regimen: unknown | null;
}

/** Raised by a store when a uniqueness rule would be broken (e-mail taken, version raced). */
export class StoreConflict extends Error {
  readonly code = 'conflict';
}

/**
 * State that several server instances on one database must share: it lives in rows, never in
 * one process's memory, and every change is one atomic statement.
 */
export interface SharedState {
  /** Counts one hit on `key` in a fixed window of `windowMs`; returns the count in the current window. */
  hitRateLimit(
    key: string,
    windowMs: number,
    nowMs: number,
  ): Promise<{ count: number; windowStartMs: number }>;
  /** Drops rate-limit windows that started before `beforeMs`. */
  pruneRateLimits(beforeMs: number): Promise<void>;
  /** The sign-in throttle for an e-mail key (known account or not); null if it never failed. */
  loginThrottle(key: string): Promise<{ failures: number; blockedUntilMs: number } | null>;
  /**
   * Counts a failed sign-in for `key` (the count starts again when the last failure is older than
   * `resetAfterMs`), then blocks it until `blockUntil(failures)` if that is later than now's block.
   */
  noteLoginFailure(
    key: string,
    nowMs: number,
    resetAfterMs: number,
    blockUntil: (failures: number) => number,
  ): Promise<{ failures: number; blockedUntilMs: number }>;
  /** Lifts the throttle for a key (a correct password, or a password reset). */
  clearLoginThrottle(key: string): Promise<void>;
  /** Remembers a browser that signed in as `userId` (its cookie's hash). */
  addKnownDevice(tokenHash: string, userId: string, nowMs: number): Promise<void>;
  /** The user a known-device cookie belongs to (and marks it used), or null. */
  knownDeviceUser(tokenHash: string, nowMs: number): Promise<string | null>;
  /**
   * Claims the run of `job` for the period starting at `periodMs`: true for exactly one caller
   * across all instances, false for everyone else.
   */
  claimJobRun(job: string, periodMs: number, nowMs: number): Promise<boolean>;
}

export interface Store extends SharedState {
  readonly dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;

  createUser(u: Omit<User, 'failedLogins' | 'lockedUntilMs' | 'disabled' | 'timeZone'>): Promise<User>;
  setTimeZone(id: string, timeZone: string): Promise<void>;
  /** Patients with a prescription, with the time of their first one (for the alert sweep). */
  prescribedPatients(): Promise<{ id: string; timeZone: string | null; firstPrescribedMs: number }[]>;
  userById(id: string): Promise<User | null>;
  userByEmail(email: string): Promise<User | null>;
  listUsers(role: Role): Promise<User[]>;
  setUserDisabled(id: string, disabled: boolean): Promise<boolean>;

  addToCareTeam(patientId: string, clinicianId: string): Promise<void>;
  isOnCareTeam(patientId: string, clinicianId: string): Promise<boolean>;
  careTeamOf(patientId: string): Promise<string[]>;

  createAuthSession(s: AuthSession): Promise<void>;
  authSession(tokenHash: string): Promise<AuthSession | null>;
  touchAuthSession(tokenHash: string, lastSeenMs: number): Promise<void>;
  deleteAuthSession(tokenHash: string): Promise<void>;
  deleteAuthSessionsOf(userId: string): Promise<void>;

  /** Stores a new invite for a patient and ends their earlier unused ones (one live code a patient). */
  createInvite(i: {
    codeHash: string;
    patientId: string;
    createdBy: string;
    createdMs: number;
    expiresMs: number;
  }): Promise<void>;
  /** Marks an unused, unexpired invite used and returns its patient; null if it cannot be used. */
  redeemInvite(codeHash: string, nowMs: number): Promise<string | null>;

  /** Appends the next version of a patient's prescription and returns it. */
  addPrescription(p: Omit<Prescription, 'version'>): Promise<Prescription>;
  currentPrescription(patientId: string): Promise<Prescription | null>;
  prescriptionHistory(patientId: string): Promise<Prescription[]>;

  /**
   * Stores records once per (patient, idempotency key), all in one transaction, together with
   * the audit entry for the upload when one is given (the write and its audit commit together).
   * A session sent again with the pain after it added replaces the stored one ('amended').
   */
  putRecords(
    patientId: string,
    records: readonly NewRecord[],
    receivedMs: number,
    audit?: Omit<AuditEntry, 'seq'>,
  ): Promise<PutResult[]>;
  listRecords(
    patientId: string,
    q?: { kind?: RecordKind; fromMs?: number; toMs?: number; limit?: number },
  ): Promise<StoredRecord[]>;
  countRecords(patientId: string): Promise<number>;

  /** Raises an alert unless one with the same dedupe key exists; true if it was new. */
  raiseAlert(a: Omit<Alert, 'ackBy' | 'ackMs'>): Promise<boolean>;
  alertById(id: string): Promise<Alert | null>;
  listAlerts(q: {
    patientId?: string;
    clinicianId?: string;
    open?: boolean;
    limit?: number;
  }): Promise<Alert[]>;
  ackAlert(id: string, by: string, nowMs: number): Promise<Alert | null>;

  /** The clinician's patients (or everyone's when clinicianId is null) with activity since `sinceMs`. */
  patientSummaries(clinicianId: string | null, sinceMs: number): Promise<PatientSummary[]>;
  /** Deletes a patient and all of their health data; the audit trail stays. */
  deletePatient(patientId: string): Promise<boolean>;

  appendAudit(e: Omit<AuditEntry, 'seq'>): Promise<void>;
  listAudit(q: { patientId?: string; afterSeq?: number; limit?: number }): Promise<AuditEntry[]>;

  // Accounts, devices and the portal's views (issue 12): added beside the methods above.
  /** Replaces a user's password hash and clears any lockout; false if there is no such user. */
  setPasswordHash(id: string, passwordHash: string): Promise<boolean>;
  /** A user's web sessions and device tokens, newest first (expired ones included until swept). */
  authSessionsOf(userId: string): Promise<AuthSession[]>;
  /** When each of these records happened (a record that is gone is left out). */
  recordTimes(ids: readonly string[]): Promise<Map<string, number>>;
  /** Audit entries newest first, those before `beforeSeq` when given. */
  latestAudit(q: { patientId?: string; beforeSeq?: number; limit?: number }): Promise<AuditEntry[]>;
}
