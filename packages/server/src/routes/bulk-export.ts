// FHIR Bulk Data export (https://hl7.org/fhir/uv/bulkdata/, system-level $export) of a clinic's
// patients: kick-off answers 202 with a status URL; the status answers the manifest at once (the
// files are made on download); each file is NDJSON of one resource type. Stateless, so any server
// instance answers any step: the status URL carries the export's transaction time, and every file
// holds exactly the data received up to it, whenever and wherever it is downloaded.
import type { FhirResource } from 'fhir/r4';
import { requireAdminReason, requireRole } from '../auth/access.ts';
import type { Ctx } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { patientResources } from '../export/fhir.ts';
import type { RouteInput, Router } from '../http/router.ts';
import { clinicRecords } from './exports.ts';

/** The resource types we export, in the manifest's order. */
export const BULK_TYPES = [
  'Patient',
  'ActivityDefinition',
  'CarePlan',
  'Observation',
  'QuestionnaireResponse',
] as const;
type BulkType = (typeof BULK_TYPES)[number];
const NDJSON_FORMATS = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'];
const KICKOFF = '/api/clinic/fhir/$export';
const STATUS = '/api/clinic/fhir/export';
/** A status URL is good for a day; after that the client starts a new export. */
const EXPORT_TTL_MS = 86_400_000;

function baseUrl(input: RouteInput, ctx: Ctx): string {
  if (ctx.deps.config.publicUrl) return ctx.deps.config.publicUrl.replace(/\/+$/, '');
  const host = input.req.headers.host;
  if (!host || !/^[A-Za-z0-9.:[\]-]{1,255}$/.test(host))
    throw new HttpError('bad_request', 'a Host header is required (or set PUBLIC_URL)', 'host');
  return `http://${host}`;
}

function parseTypes(q: URLSearchParams): BulkType[] {
  const raw = q.get('_type');
  if (raw === null) return [...BULK_TYPES];
  const out: BulkType[] = [];
  for (const t of raw.split(',')) {
    const name = t.trim();
    if (!(BULK_TYPES as readonly string[]).includes(name))
      throw new HttpError(
        'validation_failed',
        `query _type: "${name.slice(0, 40)}" is not exported; choose from ${BULK_TYPES.join(', ')}`,
        '_type',
      );
    if (!out.includes(name as BulkType)) out.push(name as BulkType);
  }
  return out;
}

function transactionMs(input: RouteInput, ctx: Ctx): number {
  const raw = input.params.tx!;
  if (!/^\d{1,15}$/.test(raw)) throw new HttpError('not_found', 'no such export', 'tx');
  const tx = Number(raw);
  if (tx > ctx.nowMs) throw new HttpError('not_found', 'no such export', 'tx');
  if (ctx.nowMs - tx > EXPORT_TTL_MS)
    throw new HttpError('not_found', 'this export has expired (after a day); start a new one', 'tx');
  return tx;
}

/** Every resource of the caller's patients as of `txMs`, grouped by type. */
async function resourcesAsOf(
  ctx: Ctx,
  input: RouteInput,
  txMs: number,
): Promise<Map<BulkType, FhirResource[]>> {
  const byType = new Map<BulkType, FhirResource[]>(BULK_TYPES.map((t) => [t, []]));
  for (const p of await clinicRecords(ctx, input, 'fhir-bulk-export')) {
    if (p.createdMs > txMs) continue;
    const patient = await ctx.deps.store.userById(p.id);
    if (!patient) continue;
    const rx =
      (await ctx.deps.store.prescriptionHistory(p.id)).filter((x) => x.changedMs <= txMs).at(-1) ?? null;
    const records = p.records.filter((r) => r.receivedMs <= txMs);
    for (const res of patientResources({ patient, prescription: rx, records }, `Patient/${p.id}`))
      byType.get(res.resourceType as BulkType)?.push(res);
  }
  return byType;
}

export function registerBulkExportRoutes(r: Router<Ctx>): void {
  r.add('GET', KICKOFF, async (input, ctx) => {
    const q = input.query;
    for (const k of q.keys()) {
      if (!['_type', '_outputFormat'].includes(k))
        throw new HttpError(
          'validation_failed',
          `query ${k.slice(0, 40)} is not supported; this server takes _type and _outputFormat`,
          k,
        );
    }
    const fmt = q.get('_outputFormat');
    if (fmt !== null && !NDJSON_FORMATS.includes(fmt))
      throw new HttpError(
        'validation_failed',
        `query _outputFormat must be ${NDJSON_FORMATS.join(', ')}`,
        '_outputFormat',
      );
    const types = parseTypes(q);
    // Checks who may export before answering 202 (reading nothing yet).
    await requireAdminReason(input, ctx, requireRole(ctx, 'clinician', 'admin'), 'fhir-bulk-export');
    const typeQ = q.has('_type') ? `?_type=${types.join(',')}` : '';
    return {
      status: 202,
      json: { status: 'accepted' },
      headers: { 'content-location': `${baseUrl(input, ctx)}${STATUS}/${ctx.nowMs}${typeQ}` },
    };
  });

  r.add('GET', `${STATUS}/:tx`, async (input, ctx) => {
    const tx = transactionMs(input, ctx);
    const types = parseTypes(input.query);
    const byType = await resourcesAsOf(ctx, input, tx);
    const base = baseUrl(input, ctx);
    return {
      status: 200,
      json: {
        transactionTime: new Date(tx).toISOString(),
        request: `${base}${KICKOFF}${input.query.has('_type') ? `?_type=${types.join(',')}` : ''}`,
        requiresAccessToken: true,
        output: types
          .filter((t) => byType.get(t)!.length > 0)
          .map((t) => ({ type: t, url: `${base}${STATUS}/${tx}/${t}.ndjson`, count: byType.get(t)!.length })),
        error: [],
      },
      headers: { expires: new Date(tx + EXPORT_TTL_MS).toUTCString() },
    };
  });

  r.add('GET', `${STATUS}/:tx/:file`, async (input, ctx) => {
    const tx = transactionMs(input, ctx);
    const m = /^([A-Za-z]+)\.ndjson$/.exec(input.params.file!);
    const type = m?.[1];
    if (!type || !(BULK_TYPES as readonly string[]).includes(type))
      throw new HttpError('not_found', `no file ${input.params.file!.slice(0, 60)} in this export`, 'file');
    const lines = (await resourcesAsOf(ctx, input, tx)).get(type as BulkType)!.map((x) => JSON.stringify(x));
    return {
      status: 200,
      raw: { body: lines.length ? `${lines.join('\n')}\n` : '', contentType: 'application/fhir+ndjson' },
    };
  });
}
