// POST /api/sync: the patient app's outbox upload. Each record carries an idempotency key; a
// replay is answered "duplicate" and stored nothing, whatever the order or delay of uploads.
import { audit, requireRole } from '../auth/access.ts';
import { newId } from '../auth/tokens.ts';
import type { Ctx } from '../deps.ts';
import {
  alertsForRecord,
  type NewAlert,
  RANGE_BASELINE_SESSIONS,
  RANGE_RECENT_SESSIONS,
  rangeFallingAlerts,
} from '../domain/alert-rules.ts';
import { parseUpload } from '../domain/records.ts';
import { readJson } from '../http/body.ts';
import type { Router } from '../http/router.ts';

export function registerSyncRoutes(r: Router<Ctx>): void {
  r.add('POST', '/api/sync', async ({ req }, ctx) => {
    const p = requireRole(ctx, 'patient');
    const { deps, nowMs } = ctx;
    const parsed = parseUpload(await readJson(req, deps.config.maxBodyBytes), nowMs);
    const results = await deps.store.putRecords(
      p.userId,
      parsed.map((x) => ({ ...x, id: newId(deps.randomBytes), body: x.body })),
      nowMs,
    );
    await audit(ctx, {
      action: 'write',
      patientId: p.userId,
      resource: `records:${parsed.length}`,
      outcome: 'allowed',
    });
    // Alerts for duplicates too: if a crash came between storing a record and raising its alert,
    // the client's retry raises it now. Dedupe keys make this idempotent.
    const alerts: NewAlert[] = [];
    parsed.forEach((rec, i) => {
      const res = results[i]!;
      if (res.status !== 'conflict')
        alerts.push(...alertsForRecord({ id: res.id, kind: rec.kind, body: rec.body }));
    });
    if (parsed.some((x) => x.kind === 'session')) {
      const recent = await deps.store.listRecords(p.userId, {
        kind: 'session',
        fromMs: nowMs - 60 * 86_400_000,
      });
      alerts.push(
        ...rangeFallingAlerts(recent.slice(-(RANGE_BASELINE_SESSIONS + RANGE_RECENT_SESSIONS) * 3)),
      );
    }
    let raised = 0;
    for (const a of alerts) {
      if (
        await deps.store.raiseAlert({
          ...a,
          id: newId(deps.randomBytes),
          patientId: p.userId,
          createdMs: nowMs,
        })
      )
        raised++;
    }
    return {
      status: 200,
      json: {
        results: results.map((res, i) => ({
          idempotencyKey: parsed[i]!.idempotencyKey,
          status: res.status,
          id: res.id,
        })),
        alertsRaised: raised,
      },
    };
  });
}
