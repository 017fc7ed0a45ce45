// Alerts for clinicians: list per patient or across one's patients, and acknowledge.
import { audit, requirePatientAccess, requireRole } from '../auth/access.ts';
import type { Ctx } from '../deps.ts';
import { HttpError } from '../errors.ts';
import type { Router } from '../http/router.ts';
import { queryEnum } from '../http/validate.ts';
import type { Alert } from '../store/store.ts';

const view = (a: Alert, occurredAtMs: number | null = null) => ({
  id: a.id,
  patientId: a.patientId,
  kind: a.kind,
  severity: a.severity,
  message: a.message,
  recordId: a.recordId,
  createdAtMs: a.createdMs,
  /** When the evidence happened (the session, pain report or screening), not when it was uploaded. */
  occurredAtMs,
  acknowledgedBy: a.ackBy,
  acknowledgedAtMs: a.ackMs,
});

/** The views of `alerts`, each with the time its record happened (null for trend alerts). */
async function views(ctx: Ctx, alerts: readonly Alert[]) {
  const ids = alerts.map((a) => a.recordId).filter((x): x is string => x !== null);
  const times = await ctx.deps.store.recordTimes(ids);
  return alerts.map((a) => view(a, a.recordId === null ? null : (times.get(a.recordId) ?? null)));
}

const openFilter = (v: 'open' | 'acknowledged' | 'all' | undefined) =>
  v === 'all' ? undefined : v !== 'acknowledged';

export function registerAlertRoutes(r: Router<Ctx>): void {
  r.add('GET', '/api/alerts', async ({ query }, ctx) => {
    const p = requireRole(ctx, 'clinician');
    const status = queryEnum(query, 'status', ['open', 'acknowledged', 'all']);
    const alerts = await ctx.deps.store.listAlerts({ clinicianId: p.userId, open: openFilter(status) });
    await audit(ctx, {
      action: 'read',
      patientId: null,
      resource: `alerts:${alerts.length}`,
      outcome: 'allowed',
    });
    return { status: 200, json: { alerts: await views(ctx, alerts) } };
  });

  r.add('GET', '/api/patients/:id/alerts', async (input, ctx) => {
    const id = input.params.id!;
    await requirePatientAccess(input, ctx, id, 'read', 'alerts', { clinician: true, admin: true });
    const status = queryEnum(input.query, 'status', ['open', 'acknowledged', 'all']);
    const alerts = await ctx.deps.store.listAlerts({ patientId: id, open: openFilter(status) });
    return { status: 200, json: { alerts: await views(ctx, alerts) } };
  });

  r.add('POST', '/api/alerts/:id/ack', async (input, ctx) => {
    const p = requireRole(ctx, 'clinician');
    const a = await ctx.deps.store.alertById(input.params.id!);
    // Unknown and not-yours look the same, so alert ids reveal nothing.
    if (!a || !(await ctx.deps.store.isOnCareTeam(a.patientId, p.userId))) {
      await audit(ctx, {
        action: 'ack',
        patientId: a?.patientId ?? null,
        resource: `alert:${input.params.id}`,
        outcome: 'denied',
      });
      throw new HttpError('not_found', `no alert ${input.params.id} among your patients`, 'id');
    }
    const acked = await ctx.deps.store.ackAlert(a.id, p.userId, ctx.nowMs);
    await audit(ctx, {
      action: 'ack',
      patientId: a.patientId,
      resource: `alert:${a.id}`,
      outcome: 'allowed',
    });
    return { status: 200, json: { alert: (await views(ctx, [acked!]))[0] } };
  });
}
