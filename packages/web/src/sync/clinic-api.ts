// The patient device's view of the clinic API: redeem an invite, read the prescription, upload
// records. Every failure comes back as a value with a stable code, never as a thrown error.
import type {
  Regimen,
  UploadEnvelope,
  UploadRecord,
  UploadResponse,
  UploadResult,
} from '@anklepump/exercise';

/** Why a clinic call failed; `offline` and `server` are worth retrying, the rest are not. */
export type ClinicErrorCode =
  | 'offline'
  | 'server'
  | 'rate_limited'
  | 'unlinked'
  | 'invite_invalid'
  | 'rejected'
  | 'not_found';

export interface ClinicError {
  readonly code: ClinicErrorCode;
  readonly message: string;
  /** The field the server named (e.g. `body.records[3].data.endedAtMs`), when it named one. */
  readonly where?: string;
  /** Seconds the server asked us to wait (429), when it said. */
  readonly retryAfterS?: number;
}

export type ClinicResult<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly error: ClinicError };

export interface Joined {
  readonly deviceToken: string;
  readonly patientId: string;
  readonly displayName: string | null;
}

export interface Prescribed {
  readonly version: number;
  readonly regimen: Regimen;
  readonly note: string | null;
  readonly changedAtMs: number;
}

export interface ClinicApi {
  redeem(code: string, deviceLabel: string): Promise<ClinicResult<Joined>>;
  /** The current prescription; `null` data when the clinician has not set one yet. */
  prescription(token: string, patientId: string): Promise<ClinicResult<Prescribed | null>>;
  upload(
    token: string,
    records: readonly UploadRecord[],
    timeZone: string,
  ): Promise<ClinicResult<UploadResult[]>>;
  /** Revokes this device's token at the clinic (a lost or replaced phone); it stops working at once. */
  unlinkDevice?(token: string): Promise<ClinicResult<null>>;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

function failure(status: number, body: unknown, headers: Headers): ClinicError {
  const e = (body as { error?: { code?: unknown; message?: unknown; where?: unknown } } | null)?.error;
  const message = typeof e?.message === 'string' ? e.message : `the clinic server answered ${status}`;
  const where = typeof e?.where === 'string' ? e.where : undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (status === 401) return { code: 'unlinked', message, where };
  if (status === 429 || status === 423) {
    const s = Number(headers.get('retry-after'));
    return { code: 'rate_limited', message, where, retryAfterS: Number.isFinite(s) && s > 0 ? s : undefined };
  }
  if (code === 'invite_invalid') return { code: 'invite_invalid', message, where };
  if (status === 404) return { code: 'not_found', message, where };
  if (status >= 500) return { code: 'server', message, where };
  return { code: 'rejected', message, where };
}

/** A client for the clinic at `baseUrl` ('' = this page's origin) using the given fetch. */
export function createClinicApi(baseUrl: string, fetchFn: Fetch): ClinicApi {
  const base = baseUrl.replace(/\/+$/, '');
  async function call<T>(
    path: string,
    init: RequestInit,
    read: (body: unknown) => T,
  ): Promise<ClinicResult<T>> {
    let res: Response;
    try {
      res = await fetchFn(`${base}${path}`, init);
    } catch (e) {
      return {
        ok: false,
        error: { code: 'offline', message: `cannot reach the clinic: ${(e as Error).message}` },
      };
    }
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    if (!res.ok) return { ok: false, error: failure(res.status, body, res.headers) };
    try {
      return { ok: true, data: read(body) };
    } catch (e) {
      return {
        ok: false,
        error: { code: 'server', message: `unexpected answer from the clinic: ${(e as Error).message}` },
      };
    }
  }
  const json = (token: string | null, body?: unknown): RequestInit => ({
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    // The device token is the only credential: never send the portal's cookie along.
    credentials: 'omit',
  });
  return {
    redeem: (code, deviceLabel) =>
      call('/api/invites/redeem', json(null, { code, deviceLabel }), (b) => {
        const o = b as { deviceToken?: unknown; patient?: { id?: unknown; displayName?: unknown } };
        if (typeof o.deviceToken !== 'string' || typeof o.patient?.id !== 'string')
          throw new Error('no device token');
        return {
          deviceToken: o.deviceToken,
          patientId: o.patient.id,
          displayName: typeof o.patient.displayName === 'string' ? o.patient.displayName : null,
        };
      }),
    async prescription(token, patientId) {
      const r = await call(
        `/api/patients/${encodeURIComponent(patientId)}/prescription`,
        json(token),
        (b) => {
          const p = (b as { prescription?: Record<string, unknown> }).prescription;
          if (!p || typeof p.version !== 'number' || typeof p.regimen !== 'object')
            throw new Error('no prescription');
          return {
            version: p.version,
            regimen: p.regimen as Regimen,
            note: typeof p.note === 'string' ? p.note : null,
            changedAtMs: Number(p.changedAtMs),
          };
        },
      );
      if (!r.ok && r.error.code === 'not_found') return { ok: true, data: null };
      return r;
    },
    upload: (token, records, timeZone) =>
      call('/api/sync', json(token, { records, timeZone } satisfies UploadEnvelope), (b) => {
        const rs = (b as Partial<UploadResponse> | null)?.results;
        if (!Array.isArray(rs)) throw new Error('no results');
        return rs as UploadResult[];
      }),
    unlinkDevice: (token) => call('/api/me/device', { ...json(token), method: 'DELETE' }, () => null),
  };
}
