import { describe, expect, it } from 'vitest';
import { decodedSize, effectiveSampleHz } from './decode-frames.ts';
import { PoseError } from './pose-error.ts';
import { parseProbe } from './probe-video.ts';

const stream = {
  codec_type: 'video',
  codec_name: 'h264',
  width: 1280,
  height: 720,
  avg_frame_rate: '30000/1001',
  duration: '12.5',
};

describe('parseProbe', () => {
  it('reads duration, frame rate and size of the video stream', () => {
    const info = parseProbe({ streams: [{ codec_type: 'audio' }, stream] }, 'a.mp4');
    expect(info).toEqual({
      durationS: 12.5,
      frameRateHz: 30000 / 1001,
      widthPx: 1280,
      heightPx: 720,
      rotationDeg: 0,
      codec: 'h264',
    });
  });

  it('swaps width and height for a phone video recorded upright (rotation -90)', () => {
    const info = parseProbe({ streams: [{ ...stream, side_data_list: [{ rotation: -90 }] }] }, 'p.mov');
    expect(info.rotationDeg).toBe(270);
    expect([info.widthPx, info.heightPx]).toEqual([720, 1280]);
  });

  it('takes the duration from the container or the frame count when the stream lacks it', () => {
    const { duration: _d, ...noDur } = stream;
    expect(parseProbe({ streams: [noDur], format: { duration: '9.0' } }, 'x').durationS).toBe(9);
    expect(parseProbe({ streams: [{ ...noDur, nb_frames: '60' }] }, 'x').durationS).toBeCloseTo(
      60 / (30000 / 1001),
    );
  });

  it('rejects a file without pictures or without a frame rate, naming the file', () => {
    expect(() => parseProbe({ streams: [{ codec_type: 'audio' }] }, 'song.m4a')).toThrow(
      new PoseError('no-video-stream', 'song.m4a: no video stream in the file'),
    );
    expect(() =>
      parseProbe({ streams: [{ ...stream, avg_frame_rate: '0/0', r_frame_rate: '0/0' }] }, 'x.mp4'),
    ).toThrow(/x\.mp4: the video has no frame rate/);
  });
});

describe('decoded frame size and rate', () => {
  const info = {
    durationS: 10,
    frameRateHz: 30,
    widthPx: 1920,
    heightPx: 1080,
    rotationDeg: 0,
    codec: 'h264',
  };
  it('scales the longest side down to the limit, keeping the aspect and even sizes', () => {
    expect(decodedSize(info, 960)).toEqual({ widthPx: 960, heightPx: 540 });
    expect(decodedSize({ ...info, widthPx: 1080, heightPx: 1920 }, 960)).toEqual({
      widthPx: 540,
      heightPx: 960,
    });
  });
  it('never enlarges a small video', () => {
    expect(decodedSize({ ...info, widthPx: 640, heightPx: 360 }, 960)).toEqual({
      widthPx: 640,
      heightPx: 360,
    });
  });
  it('samples at the asked rate but never faster than the video', () => {
    expect(effectiveSampleHz(info, 15)).toBe(15);
    expect(effectiveSampleHz({ ...info, frameRateHz: 10 }, 15)).toBe(10);
  });
});
