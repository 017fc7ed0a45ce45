// Patients: a clinician creates them, invites their device, lists them with recent activity,
// and reads their records; a patient reads their own and may delete everything about themselves.
import { audit, requireAdminReason, requirePatientAccess, requireRole } from '../auth/access.ts';
import { newId, newInviteCode, sha256 } from '../auth/tokens.ts';
import type { Ctx } from '../deps.ts';
import { sessionsPerDay } from '../domain/alert-rules.ts';
import { HttpError } from '../errors.ts';
import { readJson } from '../http/body.ts';
import type { Router } from '../http/router.ts';
import { object, onlyKeys, queryEnum, queryInt, string } from '../http/validate.ts';
import type { PatientSummary } from '../store/store.ts';
import { INVITE_DAYS, publicUser } from './auth.ts';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * How many of the last 7 days a prescription was in force, today counted whole: a plan set minutes
 * ago is 1 day, not 7 (a new patient read "0% (0 of 14)" and topped the list as the least adherent).
 */
export function prescribedDaysOfWeek(prescribedSinceMs: number | null, nowMs: number): number {
  if (prescribedSinceMs === null) return 0;
  return Math.min(7, Math.max(1, Math.ceil((nowMs - prescribedSinceMs) / DAY_MS)));
}

function summaryView(s: PatientSummary, nowMs: number) {
  const perDay = sessionsPerDay(s.regimen);
  const prescribed = perDay === null ? null : perDay * prescribedDaysOfWeek(s.prescribedSinceMs, nowMs);
  return {
    id: s.id,
    displayName: s.displayName,
    createdAtMs: s.createdMs,
    lastSessionAtMs: s.lastSessionMs,
    sessionsLast7Days: s.doneSince,
    /** Sessions a day the current prescription asks for; null without one. */
    prescribedPerDay: perDay,
    /** Sessions prescribed over the days of the last 7 a prescription was in force. */
    prescribedLast7Days: prescribed,
    /** Share of those done (0-1, capped at 1); null without a prescription. */
    adherence7d: prescribed === null || prescribed === 0 ? null : Math.min(1, s.doneSince / prescribed),
    openAlerts: s.openAlerts,
    prescriptionVersion: s.prescriptionVersion,
  };
}

export function registerPatientRoutes(r: Router<Ctx>): void {
  r.add('POST', '/api/patients', async ({ req }, ctx) => {
    const p = requireRole(ctx, 'clinician');
    const body = object(await readJson(req, 4096), 'body');
    onlyKeys(body, 'body', ['displayName']);
    const displayName = string(body, 'displayName', 'body', { max: 200 });
    const id = newId(ctx.deps.randomBytes);
    const u = await ctx.deps.store.createUser({
      id,
      role: 'patient',
      email: null,
      displayName,
      passwordHash: null,
      createdMs: ctx.nowMs,
    });
    await ctx.deps.store.addToCareTeam(id, p.userId);
    await audit(ctx, { action: 'create', patientId: id, resource: 'patient', outcome: 'allowed' });
    return { status: 201, json: { patient: publicUser(u) } };
  });

  r.add('GET', '/api/patients', async (input, ctx) => {
    const p = requireRole(ctx, 'clinician', 'admin');
    const reason = await requireAdminReason(input, ctx, p, 'patient-list');
    const clinicianId = p.role === 'admin' ? null : p.userId;
    // Only sessions that count as done count: stopped for pain or abandoned ones do not.
    const list = await ctx.deps.store.patientSummaries(clinicianId, ctx.nowMs - WEEK_MS);
    await audit(ctx, {
      action: 'read',
      patientId: null,
      resource: `patient-list:${list.length}`,
      outcome: 'allowed',
      reason,
    });
    return { status: 200, json: { patients: list.map((s) => summaryView(s, ctx.nowMs)) } };
  });

  r.add('GET', '/api/patients/:id', async (input, ctx) => {
    const id = input.params.id!;
    await requirePatientAccess(input, ctx, id, 'read', 'patient');
    const u = await ctx.deps.store.userById(id);
    if (!u) throw new HttpError('not_found', `no patient ${id}`, 'id');
    const careTeam = await ctx.deps.store.careTeamOf(id);
    return { status: 200, json: { patient: publicUser(u), careTeam } };
  });

  r.add('DELETE', '/api/patients/:id', async (input, ctx) => {
    const id = input.params.id!;
    await requirePatientAccess(input, ctx, id, 'delete', 'patient-all-data', { patient: true });
    const deleted = await ctx.deps.store.deletePatient(id);
    return { status: 200, json: { deleted } };
  });

  r.add('POST', '/api/patients/:id/care-team', async (input, ctx) => {
    const id = input.params.id!;
    await requirePatientAccess(input, ctx, id, 'write', 'care-team', { clinician: true });
    const body = object(await readJson(input.req, 1024), 'body');
    onlyKeys(body, 'body', ['clinicianId']);
    const clinicianId = string(body, 'clinicianId', 'body', { max: 100 });
    const c = await ctx.deps.store.userById(clinicianId);
    if (c?.role !== 'clinician')
      throw new HttpError('not_found', `no clinician ${clinicianId}`, 'body.clinicianId');
    await ctx.deps.store.addToCareTeam(id, clinicianId);
    return { status: 200, json: { careTeam: await ctx.deps.store.careTeamOf(id) } };
  });

  r.add('POST', '/api/patients/:id/invites', async (input, ctx) => {
    const id = input.params.id!;
    await requirePatientAccess(input, ctx, id, 'write', 'invite', { clinician: true });
    const code = newInviteCode(ctx.deps.randomBytes);
    const expiresMs = ctx.nowMs + INVITE_DAYS * 86_400_000;
    await ctx.deps.store.createInvite({
      codeHash: sha256(code),
      patientId: id,
      createdBy: ctx.principal!.userId,
      createdMs: ctx.nowMs,
      expiresMs,
    });
    const base = ctx.deps.config.publicUrl ?? '';
    return { status: 201, json: { code, link: `${base}/join?code=${code}`, expiresAtMs: expiresMs } };
  });

  r.add('GET', '/api/patients/:id/records', async (input, ctx) => {
    const id = input.params.id!;
    const { query } = input;
    await requirePatientAccess(input, ctx, id, 'read', 'records');
    const records = await ctx.deps.store.listRecords(id, {
      kind: queryEnum(query, 'kind', ['session', 'pain', 'screening']),
      fromMs: queryInt(query, 'fromMs', 0, Number.MAX_SAFE_INTEGER),
      toMs: queryInt(query, 'toMs', 0, Number.MAX_SAFE_INTEGER),
      limit: queryInt(query, 'limit', 1, 10_000),
    });
    return {
      status: 200,
      json: {
        records: records.map((x) => ({
          id: x.id,
          kind: x.kind,
          idempotencyKey: x.idempotencyKey,
          occurredAtMs: x.occurredMs,
          receivedAtMs: x.receivedMs,
          data: x.body,
        })),
      },
    };
  });
}
