// POST /api/sync: the patient app's outbox upload. Each record carries an idempotency key; a
// replay is answered "duplicate" and stored nothing, whatever the order or delay of uploads.
import { auditEntry, requireRole } from '../auth/access.ts';
import { newId } from '../auth/tokens.ts';
import type { Ctx } from '../deps.ts';
import { alertsForRecord, type NewAlert } from '../domain/alert-rules.ts';
import { raiseAlerts } from '../domain/alert-sweep.ts';
import { parseUpload } from '../domain/records.ts';
import { readJson } from '../http/body.ts';
import type { Router } from '../http/router.ts';

export function registerSyncRoutes(r: Router<Ctx>): void {
  r.add('POST', '/api/sync', async ({ req }, ctx) => {
    const p = requireRole(ctx, 'patient');
    const { deps, nowMs } = ctx;
    const upload = parseUpload(await readJson(req, deps.config.maxBodyBytes), nowMs);
    const parsed = upload.records;
    const patient = await deps.store.userById(p.userId);
    let timeZone = patient?.timeZone ?? 'UTC';
    if (upload.timeZone && upload.timeZone !== patient?.timeZone) {
      await deps.store.setTimeZone(p.userId, upload.timeZone);
      timeZone = upload.timeZone;
    }
    // The records and the audit entry for writing them commit in one transaction.
    const results = await deps.store.putRecords(
      p.userId,
      parsed.map((x) => ({ ...x, id: newId(deps.randomBytes) })),
      nowMs,
      auditEntry(ctx, {
        action: 'write',
        patientId: p.userId,
        resource: `records:${parsed.length}`,
        outcome: 'allowed',
      }),
    );
    // Alerts for duplicates too: if a crash came between storing a record and raising its alert,
    // the client's retry raises it now. Dedupe keys make this idempotent.
    const alerts: NewAlert[] = [];
    parsed.forEach((rec, i) => {
      const res = results[i]!;
      if (res.status !== 'conflict')
        alerts.push(...alertsForRecord({ id: res.id, kind: rec.kind, body: rec.body }, timeZone));
    });
    // Trend rules (range, adherence) read history: evaluated just after, off the request path.
    if (parsed.some((x) => x.kind === 'session')) deps.trends.mark(p.userId, timeZone);
    const raised = await raiseAlerts(deps, p.userId, alerts, nowMs);
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
