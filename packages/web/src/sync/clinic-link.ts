// The device's link to a clinic: joining with an invite (stores the device token), reading the
// current prescription (cached for offline use) and unlinking. State lives in the app's kv store.
import type { Regimen } from '@anklepump/exercise';
import type { Db } from '../store/db.ts';
import type { ClinicApi, ClinicError, Prescribed } from './clinic-api.ts';
import { parseInvite } from './invite-code.ts';

export interface ClinicLink {
  /** Clinic server origin; '' means the origin this app was loaded from. */
  readonly origin: string;
  readonly deviceToken: string;
  readonly patientId: string;
  readonly displayName: string | null;
  readonly linkedAtMs: number;
}

type Kv = Pick<Db, 'get' | 'put'>;
const LINK = 'clinic-link';
const PRESCRIPTION = 'clinic-prescription';

export async function loadLink(db: Kv): Promise<ClinicLink | null> {
  const v = await db.get<ClinicLink | null>('kv', LINK);
  return v && typeof v.deviceToken === 'string' && typeof v.patientId === 'string' ? v : null;
}

/**
 * Unlinks this phone: the clinic revokes its token first (so a lost copy of it stops working),
 * then the device forgets the link. A token the clinic already refuses counts as revoked.
 * Offline, nothing changes and the caller says so: a phone that only forgot would stay linked.
 */
export async function revokeAndUnlink(
  db: Kv,
  link: ClinicLink,
  api: ClinicApi,
): Promise<{ ok: true } | { ok: false; error: ClinicError }> {
  const r = api.unlinkDevice ? await api.unlinkDevice(link.deviceToken) : { ok: true as const };
  if (!r.ok && r.error.code !== 'unlinked') return { ok: false, error: r.error };
  await unlink(db);
  return { ok: true };
}

/** Forgets the clinic on this device (the records stay on the device). */
export async function unlink(db: Kv): Promise<void> {
  await db.put('kv', LINK, null);
  await db.put('kv', PRESCRIPTION, null);
}

export type JoinResult =
  | { readonly ok: true; readonly link: ClinicLink }
  | { readonly ok: false; readonly error: ClinicError };

/**
 * Joins the clinic with a typed code or a pasted link. `apiFor(origin)` gives the client for the
 * clinic the link names ('' for this origin). Time in epoch ms.
 */
export async function joinClinic(o: {
  readonly db: Kv;
  readonly input: string;
  readonly deviceLabel: string;
  readonly apiFor: (origin: string) => ClinicApi;
  readonly nowMs: number;
}): Promise<JoinResult> {
  const p = parseInvite(o.input);
  if (!p.ok) return { ok: false, error: { code: 'invite_invalid', message: p.message } };
  const origin = p.origin ?? '';
  const r = await o.apiFor(origin).redeem(p.code, o.deviceLabel.slice(0, 100));
  if (!r.ok) return r;
  const link: ClinicLink = {
    origin,
    deviceToken: r.data.deviceToken,
    patientId: r.data.patientId,
    displayName: r.data.displayName,
    linkedAtMs: o.nowMs,
  };
  await o.db.put('kv', LINK, link);
  return { ok: true, link };
}

export interface PrescriptionView {
  readonly prescribed: Prescribed | null;
  /** True when the clinic could not be reached and this is the last copy fetched. */
  readonly cached: boolean;
  readonly error: ClinicError | null;
}

/** The clinician's current prescription: fresh when the clinic answers, else the cached copy. */
export async function refreshPrescription(o: {
  readonly db: Kv;
  readonly api: ClinicApi;
  readonly link: ClinicLink;
}): Promise<PrescriptionView> {
  const r = await o.api.prescription(o.link.deviceToken, o.link.patientId);
  if (r.ok) {
    await o.db.put('kv', PRESCRIPTION, r.data);
    return { prescribed: r.data, cached: false, error: null };
  }
  const cached = (await o.db.get<Prescribed | null>('kv', PRESCRIPTION)) ?? null;
  return { prescribed: cached, cached: true, error: r.error };
}

/** The cached prescription's regimen, for `regimenFor(settings, synced)` in store/plan.ts. */
export async function cachedRegimen(db: Kv): Promise<Regimen | null> {
  return (await db.get<Prescribed | null>('kv', PRESCRIPTION))?.regimen ?? null;
}
