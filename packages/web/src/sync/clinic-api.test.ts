import { describe, expect, it } from 'vitest';
import { createClinicApi } from './clinic-api.ts';

const reply =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

describe('createClinicApi', () => {
  it('sends the device token as a bearer, never a cookie', async () => {
    let seen: RequestInit | undefined;
    let url = '';
    const api = createClinicApi('https://clinic.example/', async (u, init) => {
      url = u;
      seen = init;
      return new Response(JSON.stringify({ results: [] }), { status: 200 });
    });
    await api.upload('tok-123', [], 'UTC');
    expect(url).toBe('https://clinic.example/api/sync');
    expect(seen?.credentials).toBe('omit');
    expect((seen?.headers as Record<string, string> | undefined)?.authorization).toBe('Bearer tok-123');
  });

  it('maps each failure to a code the app can act on, with the server message', async () => {
    const code = async (f: () => Promise<Response>) => {
      const r = await createClinicApi('', f).upload('t', [], 'UTC');
      return r.ok
        ? 'ok'
        : `${r.error.code}:${r.error.message}${r.error.retryAfterS ? `:${r.error.retryAfterS}` : ''}`;
    };
    expect(await code(async () => Promise.reject(new TypeError('Failed to fetch')))).toBe(
      'offline:cannot reach the clinic: Failed to fetch',
    );
    expect(await code(reply(401, { error: { code: 'unauthenticated', message: 'sign in first' } }))).toBe(
      'unlinked:sign in first',
    );
    expect(
      await code(reply(429, { error: { code: 'rate_limited', message: 'wait' } }, { 'retry-after': '12' })),
    ).toBe('rate_limited:wait:12');
    expect(await code(reply(503, '<html>bad gateway</html>'))).toBe('server:the clinic server answered 503');
    expect(
      await code(
        reply(400, {
          error: {
            code: 'validation_failed',
            message: 'body.records[0].kind: bad',
            where: 'body.records[0].kind',
          },
        }),
      ),
    ).toBe('rejected:body.records[0].kind: bad');
    expect(await code(reply(200, { nothing: true }))).toBe(
      'server:unexpected answer from the clinic: no results',
    );
  });

  it('reads a missing prescription as "none yet", not as an error', async () => {
    const r = await createClinicApi(
      '',
      reply(404, { error: { code: 'not_found', message: 'no prescription yet' } }),
    ).prescription('t', 'p1');
    expect(r).toEqual({ ok: true, data: null });
  });

  it('names a used invite code as such', async () => {
    const r = await createClinicApi(
      '',
      reply(400, {
        error: { code: 'invite_invalid', message: 'this invite code is unknown, used or expired' },
      }),
    ).redeem('ABCDEFGHJK', 'phone');
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invite_invalid',
        message: 'this invite code is unknown, used or expired',
        where: undefined,
      },
    });
  });
});
