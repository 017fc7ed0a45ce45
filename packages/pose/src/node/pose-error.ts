// Errors of the Node pose path as values with a stable code: the CLI maps codes to exit codes.

export type PoseErrorCode =
  | 'ffmpeg-missing' // ffmpeg/ffprobe not installed
  | 'video-unreadable' // the file is not a video ffmpeg can decode (or is truncated)
  | 'no-video-stream' // a media file without pictures
  | 'model-missing' // the model file is absent or has the wrong hash
  | 'browser-failed'; // headless Chromium could not start or the page failed

/** An error from the Node pose path; `message` says what happened and to which file. */
export class PoseError extends Error {
  readonly code: PoseErrorCode;
  constructor(code: PoseErrorCode, message: string) {
    super(message);
    this.name = 'PoseError';
    this.code = code;
  }
}
