// @anklepump/web: the patient app is a built PWA (vite build -> dist/); this entry exposes the
// pure helpers other packages and tests may reuse.
export { CATALOGS, LANGS, type Lang, pickLang, translator } from './i18n/i18n.ts';
export { icsForPlan, nextReminder, plannedPerDay } from './store/reminders.ts';
