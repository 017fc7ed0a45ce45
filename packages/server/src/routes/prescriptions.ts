// Prescriptions: a versioned regimen per patient (exercise package's Regimen). Each change is a
// new version naming who made it and when; the patient app reads the current one.
import { isRegimenPresetId, REGIMEN_PRESETS, validateRegimen } from '@anklepump/exercise';
import { requirePatientAccess } from '../auth/access.ts';
import type { Ctx } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { readJson } from '../http/body.ts';
import type { Router } from '../http/router.ts';
import { object, onlyKeys, string } from '../http/validate.ts';
import type { Prescription } from '../store/store.ts';

const view = (p: Prescription) => ({
  patientId: p.patientId,
  version: p.version,
  regimen: p.regimen,
  note: p.note,
  changedBy: p.changedBy,
  changedAtMs: p.changedMs,
});

export function registerPrescriptionRoutes(r: Router<Ctx>): void {
  r.add('GET', '/api/patients/:id/prescription', async (input, ctx) => {
    const id = input.params.id!;
    await requirePatientAccess(input, ctx, id, 'read', 'prescription');
    const p = await ctx.deps.store.currentPrescription(id);
    if (!p) throw new HttpError('not_found', 'no prescription yet for this patient');
    return { status: 200, json: { prescription: view(p) } };
  });

  r.add('GET', '/api/patients/:id/prescriptions', async (input, ctx) => {
    const id = input.params.id!;
    await requirePatientAccess(input, ctx, id, 'read', 'prescription-history');
    return { status: 200, json: { prescriptions: (await ctx.deps.store.prescriptionHistory(id)).map(view) } };
  });

  r.add('PUT', '/api/patients/:id/prescription', async (input, ctx) => {
    const id = input.params.id!;
    await requirePatientAccess(input, ctx, id, 'write', 'prescription', { clinician: true });
    const body = object(await readJson(input.req, 65_536), 'body');
    onlyKeys(body, 'body', ['preset', 'regimen', 'note']);
    const note = string(body, 'note', 'body', { max: 2000, optional: true });
    let candidate: unknown;
    if (body.preset !== undefined) {
      if (body.regimen !== undefined)
        throw new HttpError('validation_failed', 'send either preset or regimen, not both', 'body.preset');
      if (typeof body.preset !== 'string' || !isRegimenPresetId(body.preset)) {
        throw new HttpError(
          'validation_failed',
          `body.preset: must be one of ${Object.keys(REGIMEN_PRESETS).join(', ')}`,
          'body.preset',
        );
      }
      candidate = { ...REGIMEN_PRESETS[body.preset] };
    } else {
      candidate = { ...object(body.regimen, 'body.regimen') };
    }
    // The server owns version and author: they come from the store and the session, not the client.
    const current = await ctx.deps.store.currentPrescription(id);
    const draft = {
      ...(candidate as object),
      version: (current?.version ?? 0) + 1,
      prescribedBy: ctx.principal!.userId,
    };
    const v = validateRegimen(draft);
    if (!v.success) {
      const first = v.issues[0]!;
      const where = ['body.regimen', ...first.path].join('.');
      throw new HttpError('validation_failed', `${where}: ${first.message}`, where);
    }
    const saved = await ctx.deps.store.addPrescription({
      patientId: id,
      regimen: v.data,
      note,
      changedBy: ctx.principal!.userId,
      changedMs: ctx.nowMs,
    });
    return {
      status: 200,
      json: {
        prescription: view(saved),
        warnings: v.warnings.map((w) => ({
          where: ['body.regimen', ...w.path].join('.'),
          message: w.message,
        })),
      },
    };
  });
}
