// Configuration from the environment: defaults, and a clear error naming each bad variable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const defaults = { sqlitePath: '/data/a.db', webDist: '/web' };

describe('loadConfig', () => {
  it('runs with no environment at all: SQLite, loopback, port 8080, 30-minute idle timeout', () => {
    expect(loadConfig({}, defaults)).toMatchObject({
      databaseUrl: undefined,
      sqlitePath: '/data/a.db',
      host: '127.0.0.1',
      port: 8080,
      sessionIdleMin: 30,
      bootstrapAdmin: undefined,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ADMIN_EMAIL: 'a@b.cd' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'a@b.cd', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ COOKIE_SECURE: 'maybe' }, 'COOKIE_SECURE'],
    [{ SESSION_IDLE_MIN: '0' }, 'SESSION_IDLE_MIN'],
  ])('refuses %j, naming %s', (env, variable) => {
    try {
      loadConfig(env, defaults);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).variable).toBe(variable);
      expect((e as ConfigError).message).toMatch(new RegExp(`^${variable}: `));
    }
  });

  it('never throws anything but ConfigError, whatever the values', () => {
    const vars = fc.constantFrom(
      'PORT',
      'DATABASE_URL',
      'LOG_LEVEL',
      'MAX_BODY_BYTES',
      'LOCKOUT_AFTER',
      'TRUST_PROXY',
      'PUBLIC_URL',
      'ALERT_SWEEP_MIN',
    );
    fc.assert(
      fc.property(fc.dictionary(vars, fc.string()), (env) => {
        try {
          loadConfig(env, defaults);
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigError);
        }
      }),
    );
  });

  it('marks cookies Secure when the public URL is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://clinic.example' }, defaults).cookieSecure).toBe(true);
  });
});
