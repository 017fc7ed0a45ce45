// The audit trail as FHIR R4 AuditEvent resources in a Bundle.
import { createHash } from 'node:crypto';
import type { AuditEvent, Bundle } from 'fhir/r4';
import type { AuditEntry } from '../store/store.ts';

const ACTION: Record<string, AuditEvent['action']> = {
  read: 'R',
  write: 'U',
  create: 'C',
  delete: 'D',
  ack: 'U',
};

/** One AuditEvent per entry (type "rest", outcome 0 allowed / 4 denied). */
export function toAuditEvent(e: AuditEntry): AuditEvent {
  return {
    resourceType: 'AuditEvent',
    id: String(e.seq),
    type: {
      system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
      code: 'rest',
      display: 'RESTful Operation',
    },
    action: ACTION[e.action] ?? 'E',
    recorded: new Date(e.atMs).toISOString(),
    outcome: e.outcome === 'allowed' ? '0' : '4',
    outcomeDesc: e.outcome,
    agent: [
      {
        who: e.actorId
          ? { identifier: { system: 'urn:anklepump:user', value: e.actorId } }
          : { display: 'anonymous' },
        role: e.actorRole ? [{ text: e.actorRole }] : undefined,
        requestor: true,
        network: { address: e.ip, type: '2' },
        purposeOfUse: e.reason ? [{ text: e.reason }] : undefined,
      },
    ],
    source: { observer: { display: 'Ankle Pump Coach server' } },
    entity: [
      {
        what: e.patientId ? { reference: `Patient/${e.patientId}` } : { display: e.resource },
        description: e.resource,
      },
    ],
  };
}

/**
 * A stable UUID (RFC 9562 version 8 layout) for an audit entry, from its sequence number: the
 * same entry exported twice gets the same `fullUrl`, so an importer can de-duplicate.
 */
export function auditEntryUuid(seq: number): string {
  const b = createHash('sha256').update(`anklepump:audit:${seq}`).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function toAuditEventBundle(entries: readonly AuditEntry[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: entries.map((e) => ({ fullUrl: `urn:uuid:${auditEntryUuid(e.seq)}`, resource: toAuditEvent(e) })),
  };
}
