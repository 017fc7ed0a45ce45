// Turns the patient's settings into the regimen the session follows. A clinician's code is only
// honoured once the clinic confirms it; until then the general preset applies and says so.
import { DEFAULT_DOSE, type FootOrder, REGIMEN_PRESETS, type Regimen } from '@anklepump/exercise';
import { cachedRegimen } from '../sync/clinic-link.ts';
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

/** The regimen to follow now, with a clinician's prescription from the clinic link when there is one. */
export async function currentRegimen(settings: Settings, db: Pick<Db, 'get' | 'put'>): Promise<Regimen> {
  return regimenFor(settings, settings.regimen === 'clinician' ? await cachedRegimen(db) : null);
}
