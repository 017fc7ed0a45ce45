// The sync payload parser: what it accepts, and where it says a bad upload went wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionData, T0 } from '../../test/harness.ts';
import { HttpError } from '../errors.ts';
import { parseUpload } from './records.ts';

const rec = (data: unknown, kind = 'session', key = 'key-0000001') => ({
  records: [{ idempotencyKey: key, kind, data }],
});
const whereOf = (body: unknown) => {
  try {
    parseUpload(body, T0);
    return null;
  } catch (e) {
    return (e as HttpError).where;
  }
};

describe('parseUpload', () => {
  it('accepts a session record and reads its start time', () => {
    const r = parseUpload(rec(sessionData(T0 - 1000)), T0);
    expect(r.records[0]).toMatchObject({ kind: 'session', occurredMs: T0 - 1000 });
  });

  it('recomputes the screening decision from the answers', () => {
    const r = parseUpload(
      rec(
        { atMs: T0, answers: { swelling: false, clotHistory: false, severeInjury: true, painNow: 0 } },
        'screening',
      ),
      T0,
    );
    expect((r.records[0]!.body as { decision: { outcome: string } }).decision.outcome).toBe('not-suitable');
  });

  it.each([
    [{ records: 'x' }, 'body.records'],
    [rec(sessionData(T0), 'session', 'short'), 'body.records[0].idempotencyKey'],
    [rec({ ...sessionData(T0), endedAtMs: T0 - 1 }), 'body.records[0].data.endedAtMs'],
    [
      rec({ ...sessionData(T0), startedAtMs: T0 + 3 * 86_400_000, endedAtMs: T0 + 3 * 86_400_000 }),
      'body.records[0].data.startedAtMs',
    ],
    [
      rec({
        ...sessionData(T0),
        feet: { left: { full: 1, rangesDeg: [400] }, right: { full: 0, rangesDeg: [] } },
      }),
      'body.records[0].data.feet.left.rangesDeg[0]',
    ],
    [rec({ atMs: T0, level: 3, sharp: 'no' }, 'pain'), 'body.records[0].data.sharp'],
    [
      rec({ atMs: T0, answers: { swelling: true } }, 'screening'),
      'body.records[0].data.answers.severeInjury',
    ],
    [{ records: [], timeZone: 'Mars/Olympus' }, 'body.timeZone'],
  ])('refuses %j at %s', (body, where) => {
    expect(whereOf(body)).toBe(where);
  });

  it('the same content hashes the same whatever the key order; other content differs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.boolean(), (level, sharp) => {
        const a = parseUpload(rec({ atMs: T0, level, sharp }, 'pain'), T0).records[0]!;
        const b = parseUpload(rec({ sharp, level, atMs: T0 }, 'pain'), T0).records[0]!;
        const c = parseUpload(rec({ atMs: T0, level: (level + 1) % 11, sharp }, 'pain'), T0).records[0]!;
        expect(a.bodyHash).toBe(b.bodyHash);
        expect(c.bodyHash).not.toBe(a.bodyHash);
      }),
    );
  });

  it('never throws anything but an HttpError with a where, for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        try {
          parseUpload(v, T0);
        } catch (e) {
          expect(e).toBeInstanceOf(HttpError);
          expect((e as HttpError).status).toBeLessThan(500);
        }
      }),
    );
  });
});
