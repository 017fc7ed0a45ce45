// @anklepump/web/testing: the pieces of the patient app a browser test page assembles by itself
// (the clinic panel over the app's real IndexedDB store), so tests never reach into src/ files.

// The camera session's per-frame path without the browser's clock: a test steps a clip through it.
export { cameraLiveFoot } from './sensors/camera-source.ts';
export { createLiveTrackStage } from './sensors/live-track-stage.ts';
// The phone check's code: a test writes the phone's and reads back what a page shows.
export {
  decodePhoneCheck,
  encodePhoneCheck,
  PHONE_CHECK_MIN_REPS,
  qrModules,
  readQrCode,
} from './sensors/phone-check-code.ts';
export { MIN_TRACKING_FPS } from './session/tracking-problem.ts';
export { openDb } from './store/db.ts';
export type { StoredSession } from './store/sessions.ts';
export { saveFinished } from './store/sessions.ts';
export { createClinicApi } from './sync/clinic-api.ts';
export { clinicPanel } from './sync/clinic-panel.ts';
export { createClinicSync } from './sync/clinic-sync.ts';
export type { OutboxRecord } from './sync/outbox.ts';
export { idbOutbox } from './sync/outbox.ts';
