// A real clinic for browser tests: the portal built by Vite and the patient test page bundled by
// esbuild into one temp web root, served with the API by the server package on 127.0.0.1.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type RunningServer, silentLogger, startServer } from '@anklepump/server';
import { ADMIN, Client } from '@anklepump/server/testing';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { distDir, ensureBuilt, repoRoot } from './static-server.ts';

export interface ClinicWorld {
  readonly url: string;
  readonly server: RunningServer;
  readonly admin: Client;
  /** Creates a clinician account; returns its sign-in details and an API client signed in as it. */
  clinician(tag: string): Promise<{ email: string; password: string; client: Client; id: string }>;
  stop(): Promise<void>;
}

const web = join(repoRoot, 'packages/web');

/**
 * Builds the portal page and the patient test page into `outDir`. With `withApp`, the built
 * patient app comes along (same origin, so the test page shares its IndexedDB) and the test
 * page is `clinic-test.html`; without it the test page is the index.
 */
export async function buildClinicWeb(outDir: string, withApp = false): Promise<void> {
  await viteBuild({
    configFile: false,
    root: web,
    base: './',
    publicDir: join(web, 'public'),
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: { portal: join(web, 'portal.html') } },
    },
  });
  if (withApp) {
    ensureBuilt();
    // The portal just built wins over any older copy in the app's dist.
    cpSync(distDir, outDir, { recursive: true, force: false });
  }
  mkdirSync(join(outDir, 'clinic-test'), { recursive: true });
  await esbuild({
    entryPoints: [join(repoRoot, 'e2e/support/clinic-patient-page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(outDir, 'clinic-test/patient.js'),
    logLevel: 'warning',
  });
  writeFileSync(
    join(outDir, withApp ? 'clinic-test.html' : 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Patient clinic link (test page)</title></head><body><script type="module" src="./clinic-test/patient.js"></script></body></html>',
  );
}

export async function startClinicWorld(
  o: { env?: Record<string, string>; withApp?: boolean } = {},
): Promise<ClinicWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'anklepump-clinic-'));
  const dist = join(dir, 'web');
  await buildClinicWeb(dist, o.withApp);
  const config = loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOGIN_PER_MINUTE: '1000',
      ...o.env,
    },
    { sqlitePath: join(dir, 'clinic.db'), webDist: dist },
  );
  const server = await startServer(config, { logger: silentLogger });
  const admin = new Client(server.url);
  const a = await admin.login(ADMIN.email, ADMIN.password);
  if (a.status !== 200) throw new Error(`admin sign-in failed: ${a.status} ${a.text}`);
  return {
    url: server.url,
    server,
    admin,
    async clinician(tag) {
      const email = `${tag}@clinic.test`;
      const password = `${tag}-password-123`;
      const r = await admin.post('/api/admin/clinicians', { email, password, displayName: `Dr ${tag}` });
      if (r.status !== 201) throw new Error(`create clinician: ${r.status} ${r.text}`);
      const client = new Client(server.url);
      await client.login(email, password);
      return { email, password, client, id: r.body.user.id as string };
    },
    async stop() {
      await server.stop(1000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
