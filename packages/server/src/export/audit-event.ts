// The audit trail as FHIR R4 AuditEvent resources in a Bundle.
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

export function toAuditEventBundle(entries: readonly AuditEntry[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: entries.map((e) => ({ resource: toAuditEvent(e) })),
  };
}
