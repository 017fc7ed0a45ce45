// The portal's HTTP client: same-origin cookie session plus the CSRF token from sign-in on every
// write. Failures are values; a 401 anywhere means the session ended and the caller is told once.

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
  send<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<ApiResult<T>>;
  signIn(email: string, password: string): Promise<ApiResult<{ user: Me; idleTimeoutMin: number }>>;
  signOut(): Promise<void>;
}

const CSRF_KEY = 'ap-portal-csrf';

/** `onUnauthenticated` runs when the server says the session is gone (idle, expired, signed out elsewhere). */
export function createPortalApi(
  fetchFn: typeof fetch,
  storage: Storage,
  onUnauthenticated: () => void,
): PortalApi {
  async function call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = storage.getItem(CSRF_KEY);
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
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
    const e = (json as { error?: { code?: string; message?: string; where?: string } } | null)?.error;
    const error: ApiError = {
      status: res.status,
      code: e?.code ?? 'http',
      message: e?.message ?? `the server answered ${res.status}`,
      where: e?.where,
    };
    // Signing in and the first "who am I" are expected to be 401 when signed out.
    if (res.status === 401 && path !== '/api/auth/login' && path !== '/api/me') onUnauthenticated();
    return { ok: false, error };
  }
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
    async signOut() {
      await call('POST', '/api/auth/logout', {});
      storage.removeItem(CSRF_KEY);
    },
  };
}
