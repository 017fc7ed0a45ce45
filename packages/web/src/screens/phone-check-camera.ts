// The camera's half of a phone check (issue 9, item 3), on the calibrate screen: the camera counts
// the same pumps as the phone on the foot (phone-check.ts), then reads the phone's QR code from its
// own picture, fits this view's degree gain on the reps both saw (exercise's fitPhoneGain) and
// saves it with the view's calibration. Video stays on the device.
import { fitPhoneGain, type PhoneGainRefused } from '@anklepump/exercise';
import type { App } from '../app/app.ts';
import { h } from '../app/dom.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import type { CameraRepFeed } from '../sensors/camera-source.ts';
import { decodePhoneCheck, PHONE_CHECK_MIN_REPS, readQrCode } from '../sensors/phone-check-code.ts';
import { calibrationForView, withPhoneGain } from '../sensors/view-calibration.ts';

/** How often the picture is searched for the phone's code, ms. */
const SCAN_EVERY_MS = 400;
/** The check gives up after this long without the phone's code leading to a gain or a refusal, ms. */
const GIVE_UP_MS = 180_000;
/** How long "do more pumps" stays on screen before the camera's count shows again, ms. */
const MORE_REPS_SHOWN_MS = 4000;
/** Widest picture the code is searched in, px (a 640-px frame reads a code 25 cm away). */
const SCAN_WIDTH_PX = 640;

/** The camera's current picture as RGBA, at most SCAN_WIDTH_PX wide, or null before it plays. */
function grab(video: HTMLVideoElement, canvas: HTMLCanvasElement) {
  if (!(video.videoWidth > 0)) return null;
  const k = Math.min(1, SCAN_WIDTH_PX / video.videoWidth);
  const w = Math.round(video.videoWidth * k);
  const hPx = Math.round(video.videoHeight * k);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== hPx) canvas.height = hPx;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(video, 0, 0, w, hPx);
  return { rgba: ctx.getImageData(0, 0, w, hPx).data, w, h: hPx };
}

/** Why a fit was refused, in the patient's words. */
const REFUSED: Record<PhoneGainRefused['code'], MessageKey> = {
  'too-few-reps': 'phoneCheck.tooFew',
  'not-lined-up': 'phoneCheck.notLinedUp',
  disagree: 'phoneCheck.disagree',
  'implausible-gain': 'phoneCheck.otherFootGain',
};

/**
 * What reading a code leads to: a gain saved, a refusal (the check ends, with why), or more pumps
 * needed first (the camera keeps watching).
 */
type Outcome =
  | { readonly kind: 'saved'; readonly text: string }
  | { readonly kind: 'refused'; readonly text: string }
  | { readonly kind: 'more-reps'; readonly text: string };

/**
 * What the code read from the picture does, with the camera's reps (`feed`) of the foot it watches
 * (`side`): the gain saved with this view's calibration (one made from the check's own reps when
 * the range was not measured), a refusal, or null for a code that is not the phone's (a poster, a
 * parcel: the camera keeps looking). Exported for its unit test.
 */
export async function applyPhoneCode(
  app: App,
  side: 'left' | 'right',
  code: string,
  feed: Pick<CameraRepFeed, 'reps' | 'range'>,
  nowMs: number,
): Promise<Outcome | null> {
  const { t } = app;
  const decoded = decodePhoneCheck(code);
  if (!decoded.ok) return null;
  if (decoded.check.side !== side) {
    return {
      kind: 'refused',
      text: t('phoneCheck.otherFoot', {
        phone: t(decoded.check.side === 'left' ? 'foot.left' : 'foot.right'),
        camera: t(side === 'left' ? 'foot.left' : 'foot.right'),
      }),
    };
  }
  const cameraReps = feed.reps();
  // Shown before the camera counted enough pumps: it keeps watching for more and for the code.
  if (cameraReps.length < PHONE_CHECK_MIN_REPS) {
    return { kind: 'more-reps', text: t('phoneCheck.moreReps', { count: cameraReps.length }) };
  }
  const fit = fitPhoneGain(cameraReps, decoded.check.reps, 1, PHONE_CHECK_MIN_REPS);
  if (fit.kind === 'refused') return { kind: 'refused', text: t(REFUSED[fit.code]) };
  const range = feed.range();
  const base =
    calibrationForView(app.settings.calibration.camera, app.flow.camera) ??
    (range ? { method: 'camera' as const, ...range, atMs: nowMs } : null);
  if (!base) return { kind: 'refused', text: t('phoneCheck.tooFew') };
  await app.saveSettings({
    ...app.settings,
    calibration: { ...app.settings.calibration, camera: withPhoneGain(base, fit.gain, fit.reps, nowMs) },
  });
  return { kind: 'saved', text: t('phoneCheck.done', { gain: fit.gain.toFixed(2), reps: fit.reps }) };
}

/**
 * One check's scans of the camera's picture: each scan's code (null: none read) at `nowMs` gives an
 * outcome, or null to keep watching. After GIVE_UP_MS it gives up and says why: the phone's code was
 * never read, or it was read while the camera had counted too few pumps and no more came. (It used
 * to say "did not see the phone's code" either way: on a busy machine the camera read the code
 * with 2 pumps counted, kept watching, and 3 minutes later told the patient it had never seen it.)
 */
export function createCodeWatch(
  app: App,
  side: 'left' | 'right',
  feed: Pick<CameraRepFeed, 'reps' | 'range'>,
  startedMs: number,
): { scan(code: string | null, nowMs: number): Promise<Outcome | null> } {
  let codeSeen = false;
  return {
    async scan(code, nowMs) {
      const outcome = code ? await applyPhoneCode(app, side, code, feed, nowMs) : null;
      if (outcome) {
        codeSeen = true;
        return outcome;
      }
      if (nowMs - startedMs <= GIVE_UP_MS) return null;
      return { kind: 'refused', text: app.t(codeSeen ? 'phoneCheck.tooFew' : 'phoneCheck.noCode') };
    },
  };
}

/** The phone check block of the calibrate screen for the camera watching `side`. */
export function cameraPhoneCheck(
  app: App,
  side: 'left' | 'right',
  startFeed: () => Promise<CameraRepFeed>,
  onSaved: () => void = () => undefined,
): { el: HTMLElement; dispose(): void } {
  const { t } = app;
  const status = h('p', { id: 'calib-phone-status', role: 'status', 'aria-live': 'polite' });
  const canvas = h('canvas', { hidden: true });
  let feed: CameraRepFeed | undefined;
  let timer = 0;
  const stop = () => {
    clearInterval(timer);
    feed?.stop();
    feed = undefined;
  };
  const start = h(
    'button',
    {
      type: 'button',
      id: 'calib-phone-start',
      onclick: async () => {
        stop();
        start.hidden = true;
        status.className = '';
        status.textContent = t('phoneCheck.watching', { count: 0 });
        try {
          feed = await startFeed();
        } catch {
          start.hidden = false;
          status.textContent = t('camera.fix.foot');
          return;
        }
        const video = app.flow.camera?.view.querySelector('video');
        const watch = createCodeWatch(app, side, feed, Date.now());
        let busy = false;
        let moreUntilMs = 0;
        done.hidden = true;
        timer = window.setInterval(async () => {
          if (!feed || busy) return;
          // A "more pumps" note stays a few seconds before the count shows again.
          // Written only when it changes: a live region re-reads text written again.
          const watching = t('phoneCheck.watching', { count: feed.reps().length });
          if (Date.now() >= moreUntilMs && status.textContent !== watching) status.textContent = watching;
          const picture = video ? grab(video, canvas) : null;
          const code = picture ? readQrCode(picture.rgba, picture.w, picture.h) : null;
          busy = true;
          const outcome = await watch.scan(code, Date.now()).finally(() => {
            busy = false;
          });
          if (!outcome) return;
          status.textContent = outcome.text;
          if (outcome.kind === 'more-reps') {
            moreUntilMs = Date.now() + MORE_REPS_SHOWN_MS;
            return;
          }
          stop();
          status.className = outcome.kind === 'saved' ? 'big' : 'error';
          start.textContent = t('phoneCheck.again');
          start.hidden = false;
          done.hidden = outcome.kind !== 'saved';
          if (outcome.kind === 'saved') onSaved();
        }, SCAN_EVERY_MS);
      },
    },
    t('phoneCheck.cameraStart'),
  );
  const done = h(
    'a',
    { class: 'button primary', href: '#/session', id: 'calib-phone-continue', hidden: true },
    t('calib.continue'),
  );
  const el = h(
    'section',
    { class: 'phone-check', 'aria-labelledby': 'calib-phone-title' },
    h('h2', { id: 'calib-phone-title' }, t('phoneCheck.cameraTitle')),
    h('p', null, t('phoneCheck.cameraHow')),
    start,
    status,
    done,
    canvas,
  );
  return { el, dispose: stop };
}
