// Public face of @anklepump/exercise: the ankle-pump exercise as data and pure functions.

export * from './adherence.ts';
export * from './alert-types.ts';
export * from './alerts.ts';
export * from './audit-entry.ts';
export * from './done-session.ts';
export * from './dose.ts';
export * from './icalendar.ts';
export * from './messages.ts';
export * from './pain-stop-day.ts';
export * from './phone-gain.ts';
export * from './regimen.ts';
export * from './schedule.ts';
export * from './schedule-types.ts';
export * from './screening.ts';
export * from './screening-questionnaire.ts';
export * from './sensor-rep.ts';
export * from './session-machine.ts';
export { CUE_LABEL, CUE_MESSAGE } from './session-phases.ts';
export * from './session-record.ts';
export * from './session-types.ts';
export * from './sync-contract.ts';
export * from './validation.ts';
export * from './zoned-time.ts';
