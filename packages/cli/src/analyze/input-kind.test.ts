import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectInputKind } from './input-kind.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('detectInputKind', () => {
  it('recognises video containers by their signature, whatever the name', () => {
    const mp4 = new Uint8Array([0, 0, 0, 0x20, ...bytes('ftypisom'), 0, 0, 0, 0]);
    expect(detectInputKind(mp4, 'clip.bin').kind).toBe('video');
    expect(detectInputKind(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2]), 'x.webm').kind).toBe('video');
    expect(detectInputKind(bytes('RIFF\0\0\0\0AVI LIST'), 'x.avi').kind).toBe('video');
    expect(detectInputKind(bytes('YUV4MPEG2 W640 H480'), 'x').kind).toBe('video');
  });

  it('recognises landmark JSON and sensor CSV by content, not by name', () => {
    expect(detectInputKind(bytes('  {"version":1,"frames":[]}'), 'data.mp4').kind).toBe('landmarks');
    expect(
      detectInputKind(bytes('# phone log\nt,ax,ay,az,gx,gy,gz\n0,0,0,9.8,0,0,0\n'), 'log.txt').kind,
    ).toBe('imu');
    expect(detectInputKind(bytes('\uFEFFt, ax, ay, az, gx, gy, gz\n'), 'log.csv').kind).toBe('imu');
  });

  it('says why a text file named .mp4 is not a video', () => {
    const g = detectInputKind(bytes('hello, this is not a video\n'), 'clip.mp4');
    expect(g.kind).toBe('unknown');
    if (g.kind === 'unknown') {
      expect(g.why).toContain('named like a video but holds text');
      expect(g.why).toContain('hello');
    }
  });

  it('calls an empty file empty', () => {
    const g = detectInputKind(new Uint8Array(0), 'x.mp4');
    expect(g).toEqual({ kind: 'unknown', why: 'the file is empty' });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.string(), (b, name) => {
        const g = detectInputKind(b, name);
        expect(['video', 'landmarks', 'imu', 'unknown']).toContain(g.kind);
      }),
    );
  });
});
