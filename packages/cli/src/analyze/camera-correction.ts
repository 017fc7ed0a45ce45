// What the summary and plot say about how far the degrees can be trusted, per input kind.

/** What the summary says about the camera degrees' accuracy. */
export const CAMERA_DEGREES_NOTE =
  'Degrees from video are estimates (pose model angle x correction measured on rendered clips, not patients): ' +
  'trust counts and holds first.';

export const IMU_DEGREES_NOTE = 'Degrees from the motion sensor depend on how firmly it sat on the foot.';
