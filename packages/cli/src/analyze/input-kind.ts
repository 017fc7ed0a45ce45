// Decides what a file given to `anklepump analyze` is from its first bytes (the name's extension
// only breaks ties): a video, a landmark JSON file or a motion-sensor CSV.

export type InputKind = 'video' | 'landmarks' | 'imu';

export type InputGuess = { readonly kind: InputKind } | { readonly kind: 'unknown'; readonly why: string };

const VIDEO_EXT = /\.(mp4|m4v|mov|webm|mkv|avi|y4m|mpg|mpeg|ts|mts|3gp|ogv|flv|wmv)$/i;

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

/** True when the bytes carry a known video container signature. */
export function hasVideoSignature(b: Uint8Array): boolean {
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp') return true; // mp4, mov, 3gp, m4v
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return true; // mkv, webm
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 11) === 'AVI') return true;
  if (b.length >= 9 && ascii(b, 0, 9) === 'YUV4MPEG2') return true;
  if (b.length >= 4 && ascii(b, 0, 4) === 'OggS') return true;
  if (b.length >= 3 && ascii(b, 0, 3) === 'FLV') return true;
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 1 && (b[3] === 0xba || b[3] === 0xb3))
    return true; // MPEG-PS
  if (b.length >= 189 && b[0] === 0x47 && b[188] === 0x47) return true; // MPEG-TS
  if (b.length >= 16 && b[0] === 0x30 && b[1] === 0x26 && b[2] === 0xb2 && b[3] === 0x75) return true; // ASF/WMV
  // QuickTime files without ftyp start with a moov/mdat/wide/free atom.
  if (b.length >= 8 && ['moov', 'mdat', 'wide', 'free', 'skip'].includes(ascii(b, 4, 8))) return true;
  return false;
}

function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0 || (c < 9 && c !== 0) || (c > 13 && c < 32 && c !== 27)) return false;
  }
  return true;
}

/** What `head` (the first few KB of the file) says the file is. */
export function detectInputKind(head: Uint8Array, path: string): InputGuess {
  if (head.length === 0) return { kind: 'unknown', why: 'the file is empty' };
  if (hasVideoSignature(head)) return { kind: 'video' };
  if (looksLikeText(head)) {
    const text = new TextDecoder().decode(head).replace(/^\uFEFF/, '');
    const first = text.trimStart();
    if (first.startsWith('{')) return { kind: 'landmarks' };
    const header = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    if (header && /(^|,)\s*t\s*(,|$)/.test(header) && /(^|,)\s*ax\s*(,|$)/.test(header))
      return { kind: 'imu' };
    const sample = JSON.stringify(first.slice(0, 40));
    const named = VIDEO_EXT.test(path) ? 'is named like a video but holds text' : 'is text';
    return {
      kind: 'unknown',
      why: `the file ${named} (starting ${sample}) that is neither landmark JSON (an object starting with "{") nor a sensor CSV (a header row with t,ax,ay,az,gx,gy,gz)`,
    };
  }
  // Binary without a known signature: let ffmpeg try (it reads more containers than we list).
  return { kind: 'video' };
}
