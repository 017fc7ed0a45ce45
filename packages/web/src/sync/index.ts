// The patient app's clinic client: join with an invite, read the prescription, send the outbox.

export * from './auto-sync.ts';
export * from './clinic-api.ts';
export * from './clinic-link.ts';
export * from './flush.ts';
export * from './invite-code.ts';
export * from './outbox.ts';
export * from './upload-record.ts';
