// Finds the installed pose model and checks it is the file the install script verified.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { POSE_MODEL } from '../model.ts';
import { PoseError } from './pose-error.ts';

/** Default location: packages/pose/models/ (found through the workspace link, also from a bundle). */
export function defaultModelPath(): string {
  if (process.env.ANKLEPUMP_POSE_MODEL) return process.env.ANKLEPUMP_POSE_MODEL;
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@anklepump/pose'); // .../packages/pose/src/index.ts
  return join(dirname(entry), '..', 'models', POSE_MODEL.file);
}

/** Reads the model, rejecting a missing file or one whose sha256 differs (PoseError 'model-missing'). */
export function loadModel(path = defaultModelPath()): Buffer {
  const fix = 'run `node packages/pose/scripts/fetch-model.mjs` (part of `npm install`) while online';
  if (!existsSync(path)) throw new PoseError('model-missing', `pose model not found at ${path}: ${fix}`);
  const bytes = readFileSync(path);
  const got = createHash('sha256').update(bytes).digest('hex');
  if (got !== POSE_MODEL.sha256) {
    throw new PoseError(
      'model-missing',
      `pose model at ${path} has sha256 ${got.slice(0, 12)}…, not the expected one: ${fix}`,
    );
  }
  return bytes;
}
