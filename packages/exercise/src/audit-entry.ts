// One line of the audit trail: who read or wrote whose health data, when, from where, and whether
// it was allowed. The server stores it and answers GET /api/admin/audit/latest with pages of it;
// the admin's portal page reads those pages. One definition, imported by both.

export interface AuditEntry {
  /** Position in the append-only trail; later entries have larger numbers. */
  seq: number;
  atMs: number;
  /** The signed-in user or device owner; null for an anonymous caller. */
  actorId: string | null;
  actorRole: string | null;
  action: string;
  /** Whose health data, when the request touched one patient's. */
  patientId: string | null;
  resource: string;
  ip: string;
  /** The reason an admin stated for reading health data, if any. */
  reason: string | null;
  /** 'allowed' or 'denied'. */
  outcome: string;
}

/** One page of the audit trail, newest first, with the names of the staff who acted. */
export interface AuditPage {
  entries: AuditEntry[];
  /** Staff user id -> display name (patients are not named here). */
  actors: Record<string, string>;
  /** Pass as `beforeSeq` for the next older page; null when this page is empty. */
  nextBeforeSeq: number | null;
}
