// The portal's HTTP client: same-origin cookie session plus the CSRF token on every write (from
// sign-in, or after a reload from GET /api/auth/session), and for an admin the stated reason for
// reading health data. Failures are values; a 401 anywhere means the session ended.

export interface ApiError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly where?: string;
}
export type ApiResult<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly error: ApiError };

export interface Me {
  readonly id: string;
  readonly role: string;
  readonly displayName: string;
}

export interface PortalApi {
  get<T>(path: string): Promise<ApiResult<T>>;
  send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>>;
  signIn(email: string, password: string): Promise<ApiResult<{ user: Me; idleTimeoutMin: number }>>;
  /** The signed-in user and a fresh copy of the CSRF token for the cookie this browser holds. */
  restore(): Promise<ApiResult<{ user: Me; idleTimeoutMin: number }>>;
  signOut(): Promise<void>;
  /** The admin's stated reason, sent as X-Access-Reason on every request until cleared. */
  setReason(reason: string | null): void;
  reason(): string | null;
  /** Fetches `path` (with the same headers) and saves it as `fileName`; the error, if any. */
  download(path: string, fileName: string): Promise<ApiError | null>;
}

const CSRF_KEY = 'ap-portal-csrf';
const QUIET_401 = ['/api/auth/login', '/api/me', '/api/auth/session'];

/** `onUnauthenticated` runs when the server says the session is gone (idle, expired, signed out elsewhere). */
export function createPortalApi(
  fetchFn: typeof fetch,
  storage: Storage,
  onUnauthenticated: () => void,
): PortalApi {
  let reason: string | null = null;
  function headersFor(method: string, body: unknown): Record<string, string> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = storage.getItem(CSRF_KEY);
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    if (reason) headers['x-access-reason'] = reason;
    return headers;
  }
  async function call<T>(method: string, path: string, body?: unknown, retry = true): Promise<ApiResult<T>> {
    const headers = headersFor(method, body);
    let res: Response;
    try {
      res = await fetchFn(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch (e) {
      return {
        ok: false,
        error: {
          status: 0,
          code: 'offline',
          message: `the server cannot be reached (${(e as Error).message})`,
        },
      };
    }
    let json: unknown = null;
    try {
      json = await res.json();
    } catch {
      json = null;
    }
    if (res.ok) return { ok: true, data: json as T };
    // Signed in in another tab, or the token was lost: fetch the current one and try once more.
    if (
      res.status === 403 &&
      retry &&
      (json as { error?: { code?: string } } | null)?.error?.code === 'csrf_failed'
    ) {
      if (await restoreToken()) return call<T>(method, path, body, false);
    }
    const e = (json as { error?: { code?: string; message?: string; where?: string } } | null)?.error;
    const error: ApiError = {
      status: res.status,
      code: e?.code ?? 'http',
      message: e?.message ?? `the server answered ${res.status}`,
      where: e?.where,
    };
    // Signing in and the first "who am I" are expected to be 401 when signed out.
    if (res.status === 401 && !QUIET_401.includes(path)) onUnauthenticated();
    return { ok: false, error };
  }
  async function session() {
    const r = await call<{ user: Me; csrfToken: string; idleTimeoutMin: number }>('GET', '/api/auth/session');
    if (r.ok) storage.setItem(CSRF_KEY, r.data.csrfToken);
    else storage.removeItem(CSRF_KEY);
    return r;
  }
  const restoreToken = async () => (await session()).ok;
  return {
    get: (path) => call('GET', path),
    send: (method, path, body) => call(method, path, body),
    async signIn(email, password) {
      const r = await call<{ user: Me; csrfToken: string; idleTimeoutMin: number }>(
        'POST',
        '/api/auth/login',
        { email, password },
      );
      if (!r.ok) return r;
      storage.setItem(CSRF_KEY, r.data.csrfToken);
      return { ok: true, data: { user: r.data.user, idleTimeoutMin: r.data.idleTimeoutMin } };
    },
    async restore() {
      const r = await session();
      return r.ok ? { ok: true, data: { user: r.data.user, idleTimeoutMin: r.data.idleTimeoutMin } } : r;
    },
    async signOut() {
      await call('POST', '/api/auth/logout', {});
      storage.removeItem(CSRF_KEY);
      reason = null;
    },
    setReason(r) {
      reason = r;
    },
    reason: () => reason,
    async download(path, fileName) {
      let res: Response;
      try {
        res = await fetchFn(path, { headers: headersFor('GET', undefined), credentials: 'same-origin' });
      } catch (e) {
        return {
          status: 0,
          code: 'offline',
          message: `the server cannot be reached (${(e as Error).message})`,
        };
      }
      if (!res.ok) {
        const e = ((await res.json().catch(() => null)) as { error?: ApiError } | null)?.error;
        if (res.status === 401) onUnauthenticated();
        return {
          status: res.status,
          code: e?.code ?? 'http',
          message: e?.message ?? `the server answered ${res.status}`,
        };
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return null;
    },
  };
}
