// Turns the patient's settings into the regimen the session follows. Once the phone is linked to a
// clinic that has prescribed a plan, that plan (its latest version, cached for offline use) is
// followed whatever preset was chosen before; a clinician's code alone, not yet confirmed by a
// clinic, leaves the general preset.
import { DEFAULT_DOSE, type FootOrder, REGIMEN_PRESETS, type Regimen } from '@anklepump/exercise';
import { cachedRegimen, loadLink } from '../sync/clinic-link.ts';
import type { Db } from './db.ts';
import type { FootPlan, Settings } from './settings.ts';

const FOOT_ORDER: Record<FootPlan, FootOrder> = {
  'left-first': 'left-then-right',
  'right-first': 'right-then-left',
  'both-together': 'both-together',
};

/** The regimen to follow now, with the foot order from the settings. */
export function regimenFor(settings: Settings, synced?: Regimen | null): Regimen {
  const base =
    settings.regimen === 'clinician'
      ? (synced ?? REGIMEN_PRESETS.general)
      : settings.regimen === 'postop'
        ? REGIMEN_PRESETS['post-op']
        : REGIMEN_PRESETS[settings.regimen];
  return { ...base, dose: { ...(base.dose ?? DEFAULT_DOSE), footOrder: FOOT_ORDER[settings.feet] } };
}

/** Whether the clinician's prescription governs: the phone is linked and a plan has arrived. */
async function followsClinician(db: Pick<Db, 'get' | 'put'>): Promise<boolean> {
  return (await loadLink(db)) !== null && (await cachedRegimen(db)) !== null;
}

/** The regimen to follow now, with a clinician's prescription from the clinic link when there is one. */
export async function currentRegimen(settings: Settings, db: Pick<Db, 'get' | 'put'>): Promise<Regimen> {
  if (await followsClinician(db))
    return regimenFor({ ...settings, regimen: 'clinician' }, await cachedRegimen(db));
  return regimenFor(settings, settings.regimen === 'clinician' ? await cachedRegimen(db) : null);
}
