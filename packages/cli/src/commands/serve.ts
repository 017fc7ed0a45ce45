// `anklepump serve`: the clinic server (JSON API + the built web app) on SQLite or PostgreSQL.

import type { CommandSpec } from '../command-spec.ts';
import { EXIT } from '../exit-codes.ts';

export const serve: CommandSpec = {
  name: 'serve',
  summary: 'run the clinic server: JSON API and the web app, on SQLite (default) or PostgreSQL',
  description: [
    'Configuration comes from environment variables (see packages/server/README.md); flags override them.',
    'DATABASE_URL=postgres://... selects PostgreSQL; otherwise the SQLite file --db (or SQLITE_PATH).',
    'The first admin is created from ADMIN_EMAIL and ADMIN_PASSWORD when no admin exists yet.',
    'SIGTERM or Ctrl-C stops it gracefully: in-flight requests finish, then the database closes.',
  ].join('\n'),
  options: [
    {
      name: 'port',
      alias: 'p',
      type: 'integer',
      min: 0,
      max: 65535,
      description: 'TCP port (default: PORT or 8080)',
    },
    { name: 'host', type: 'string', description: 'address to listen on (default: HOST or 127.0.0.1)' },
    {
      name: 'db',
      type: 'string',
      valueName: 'file',
      description: 'SQLite file (default: SQLITE_PATH or data/anklepump.db)',
    },
    {
      name: 'create-admin',
      type: 'boolean',
      description: 'create the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, then exit without serving',
    },
  ],
  examples: [
    'ADMIN_EMAIL=me@clinic.example ADMIN_PASSWORD=... anklepump serve',
    'DATABASE_URL=postgres://app@db/anklepump anklepump serve --host 0.0.0.0 --port 8080',
  ],
  exitCodes: [
    {
      code: EXIT.badInput,
      meaning: 'the configuration is not valid (the message names the variable or flag, e.g. ADMIN_PASSWORD)',
    },
    { code: EXIT.unavailable, meaning: 'the database or the port could not be opened' },
  ],
  load: () => import('./serve-run.ts'),
};
