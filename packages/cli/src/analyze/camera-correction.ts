// What the summary and plot say about how far the degrees can be trusted, per input kind and per
// source of the camera angle.

/** Where camera degrees come from. */
export type DegreesSource =
  /** The foot's own pixels followed frame to frame (video): no correction factor. */
  | 'pixel-tracker'
  /** BlazePose's foot points, scaled by the per-posture correction measured on renders. */
  | 'blazepose-corrected'
  /** Landmarks from another (or an unnamed) tool: taken as they are. */
  | 'as-given';

/** What the summary says about the camera degrees' accuracy (the default: BlazePose, corrected). */
// On rendered bodies it was never tuned on (bench/results/analyze.md), the camera path still misses
// reps and, for the reps it shows degrees for, is 14.6 degrees off per rep at the median (p90 30.5):
// the note must not invite trust it lacks, nor claim better than that bench measured.
const CAMERA_CAVEAT =
  'on bodies it was not tuned on it still misses reps and is about 15 degrees off per rep (README: ' +
  '"How far you can trust the numbers"): check the count and use the phone sensor for degrees.';

export const CAMERA_DEGREES_NOTE =
  'Degrees from video are estimates (pose model angle x correction measured on rendered clips, not patients); ' +
  CAMERA_CAVEAT;

export const IMU_DEGREES_NOTE = 'Degrees from the motion sensor depend on how firmly it sat on the foot.';

/** The note for camera degrees from `degrees` (`source`: the landmark file's tool; `gain`: --gain). */
export function degreesNote(degrees: DegreesSource, source: string | null, gain: number | undefined): string {
  const scaled = gain !== undefined ? ` Scaled by --gain ${gain}.` : '';
  switch (degrees) {
    case 'pixel-tracker':
      return (
        "Degrees from video follow the foot's own pixels (measured on rendered clips, not patients); " +
        CAMERA_CAVEAT +
        scaled
      );
    case 'blazepose-corrected':
      return `${CAMERA_DEGREES_NOTE}${source ? ` Landmarks from ${source}.` : ''}${scaled}`;
    case 'as-given':
      return (
        `Degrees are taken as the landmarks give them (${source ? `source "${source}"` : 'the file does not name its source'}; ` +
        'the BlazePose correction applies only to BlazePose landmarks: add "source": "blazepose-full" or --source).' +
        scaled
      );
  }
}
