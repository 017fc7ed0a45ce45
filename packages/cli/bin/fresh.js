// Whether the bundled command (dist/anklepump.js) is older than the sources it was built from. The
// build writes the list of its sources beside the bundle (dist/inputs.json); a checkout that moved
// on (`git pull`, another branch) gives those files newer times, as `npm ci` does npm's record of
// the install, and the command is built again rather than running the code of the day it was
// first built, which no one would notice.
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';

/**
 * Why `distFile` must be built again, or null when it is newer than every source listed in
 * `inputsFile` (paths relative to `baseDir`): not built yet, no readable list of its sources, or a
 * source changed or is gone since.
 * @param {string} distFile
 * @param {string} inputsFile
 * @param {string} baseDir
 * @returns {string | null}
 */
export function staleReason(distFile, inputsFile, baseDir) {
  let builtMs;
  try {
    builtMs = statSync(distFile).mtimeMs;
  } catch {
    return 'not built yet';
  }
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  } catch {
    return 'the list of its sources is missing or unreadable';
  }
  if (!Array.isArray(inputs) || inputs.some((p) => typeof p !== 'string')) {
    return 'the list of its sources is not a list of paths';
  }
  for (const rel of inputs) {
    // npm's record of the install stands for every installed package (`npm ci` rewrites it).
    const what = basename(rel) === '.package-lock.json' ? 'the installed packages' : rel;
    let changedMs;
    try {
      changedMs = statSync(resolve(baseDir, rel)).mtimeMs;
    } catch {
      return `${what} ${what === rel ? 'is' : 'are'} gone`;
    }
    if (changedMs > builtMs) return `${what} changed`;
  }
  return null;
}

/**
 * Whether the command line `args` (after `anklepump`) serves the web app, so that it must be built
 * first: `serve`, but not `serve --help` or `serve --create-admin` (which exits without serving),
 * whose answers would otherwise wait behind a build of the whole app.
 * @param {readonly string[]} args
 * @returns {boolean}
 */
export function servesWebApp(args) {
  if (args[0] !== 'serve') return false;
  return !args.slice(1).some((a) => a === '--help' || a === '-h' || a === '--create-admin');
}
