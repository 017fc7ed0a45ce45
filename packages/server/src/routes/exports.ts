// Exports: one patient's data as a FHIR R4 Bundle or CSV, their reminder schedule as .ics, and a
// clinic's data (a clinician's patients) as NDJSON or CSV. Every export is an audited read.

import { isValidTimeZone, localDateOf, planDay, type Regimen, toICalendar } from '@anklepump/exercise';
import { audit, requireAdminReason, requirePatientAccess, requireRole } from '../auth/access.ts';
import type { Ctx } from '../deps.ts';
import { DEFAULT_WAKING } from '../domain/alert-rules.ts';
import { HttpError } from '../errors.ts';
import { recordsToCsv } from '../export/csv.ts';
import { patientBundle } from '../export/fhir.ts';
import type { RouteInput, Router } from '../http/router.ts';
import { queryInt } from '../http/validate.ts';
import type { StoredRecord } from '../store/store.ts';

const ALL = 1_000_000;
const attachment = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"` });

/** The caller's patients (a clinician's care teams, or everyone for an admin with a reason) and all their records; each read audited as `resource`. */
export async function clinicRecords(ctx: Ctx, input: RouteInput, resource = 'clinic-export') {
  const p = requireRole(ctx, 'clinician', 'admin');
  const reason = await requireAdminReason(input, ctx, p, resource);
  const patients = await ctx.deps.store.patientSummaries(p.role === 'admin' ? null : p.userId, ctx.nowMs);
  const out: { id: string; displayName: string; createdMs: number; records: StoredRecord[] }[] = [];
  for (const pt of patients) {
    await audit(ctx, {
      action: 'read',
      patientId: pt.id,
      resource,
      outcome: 'allowed',
      reason,
    });
    out.push({
      id: pt.id,
      displayName: pt.displayName,
      createdMs: pt.createdMs,
      records: await ctx.deps.store.listRecords(pt.id, { limit: ALL }),
    });
  }
  return out;
}

export function registerExportRoutes(r: Router<Ctx>): void {
  r.add('GET', '/api/patients/:id/export/fhir', async (input, ctx) => {
    const id = input.params.id!;
    await requirePatientAccess(input, ctx, id, 'read', 'export-fhir');
    const patient = await ctx.deps.store.userById(id);
    if (!patient) throw new HttpError('not_found', `no patient ${id}`, 'id');
    const bundle = patientBundle({
      patient,
      prescription: await ctx.deps.store.currentPrescription(id),
      records: await ctx.deps.store.listRecords(id, { limit: ALL }),
      nowMs: ctx.nowMs,
    });
    return {
      status: 200,
      raw: { body: JSON.stringify(bundle), contentType: 'application/fhir+json; charset=utf-8' },
      headers: attachment(`anklepump-${id}.fhir.json`),
    };
  });

  r.add('GET', '/api/patients/:id/export/csv', async (input, ctx) => {
    const id = input.params.id!;
    await requirePatientAccess(input, ctx, id, 'read', 'export-csv');
    const records = await ctx.deps.store.listRecords(id, { limit: ALL });
    return {
      status: 200,
      raw: { body: recordsToCsv(records), contentType: 'text/csv; charset=utf-8' },
      headers: attachment(`anklepump-${id}.csv`),
    };
  });

  r.add('GET', '/api/patients/:id/schedule.ics', async (input, ctx) => {
    const id = input.params.id!;
    await requirePatientAccess(input, ctx, id, 'read', 'schedule');
    const rx = await ctx.deps.store.currentPrescription(id);
    if (!rx) throw new HttpError('not_found', 'no prescription yet, so no schedule');
    const regimen = rx.regimen as Regimen;
    const q = input.query;
    const patient = await ctx.deps.store.userById(id);
    const timeZone = q.get('tz') ?? patient?.timeZone ?? 'UTC';
    if (timeZone.length > 64 || !isValidTimeZone(timeZone)) {
      throw new HttpError(
        'validation_failed',
        'query tz must be an IANA time zone such as Europe/Berlin',
        'tz',
      );
    }
    const planned = planDay(regimen.frequency, {
      date: localDateOf(timeZone, ctx.nowMs),
      timeZone,
      wake: q.get('wake') ?? DEFAULT_WAKING.wake,
      sleep: q.get('sleep') ?? DEFAULT_WAKING.sleep,
    });
    if (!planned.success) {
      const issue = planned.issues[0]!;
      throw new HttpError(
        'validation_failed',
        `query ${String(issue.path[0])}: ${issue.message}`,
        String(issue.path[0]),
      );
    }
    const body = toICalendar({
      schedule: planned.data,
      regimenId: regimen.id,
      regimenVersion: rx.version,
      dose: regimen.dose,
      days: queryInt(q, 'days', 1, 366) ?? 14,
      alarmMinBefore: queryInt(q, 'alarmMin', 0, 120) ?? 5,
      stampMs: ctx.nowMs,
    });
    return {
      status: 200,
      raw: { body, contentType: 'text/calendar; charset=utf-8' },
      headers: attachment('anklepump.ics'),
    };
  });

  r.add('GET', '/api/clinic/export.ndjson', async (input, ctx) => {
    const data = await clinicRecords(ctx, input);
    const lines: string[] = [];
    for (const p of data) {
      lines.push(JSON.stringify({ type: 'patient', id: p.id, displayName: p.displayName }));
      for (const rec of p.records) {
        lines.push(
          JSON.stringify({
            type: 'record',
            patientId: p.id,
            id: rec.id,
            kind: rec.kind,
            idempotencyKey: rec.idempotencyKey,
            occurredAtMs: rec.occurredMs,
            receivedAtMs: rec.receivedMs,
            data: rec.body,
          }),
        );
      }
    }
    return {
      status: 200,
      raw: {
        body: lines.length ? `${lines.join('\n')}\n` : '',
        contentType: 'application/x-ndjson; charset=utf-8',
      },
      headers: attachment('anklepump-clinic.ndjson'),
    };
  });

  r.add('GET', '/api/clinic/export.csv', async (input, ctx) => {
    const data = await clinicRecords(ctx, input);
    return {
      status: 200,
      raw: { body: recordsToCsv(data.flatMap((p) => p.records)), contentType: 'text/csv; charset=utf-8' },
      headers: attachment('anklepump-clinic.csv'),
    };
  });
}
