// The screens by route name. Heavy screens (camera, session) are loaded on demand so the first
// screen ships as little JavaScript as possible.
import type { ScreenFactory } from './app/app.ts';
import { homeScreen } from './screens/home.ts';
import { learnScreen } from './screens/learn.ts';
import { screeningScreen } from './screens/screening.ts';
import { setupScreen } from './screens/setup.ts';

const lazy =
  (load: () => Promise<ScreenFactory>): ScreenFactory =>
  async (app, params) =>
    (await load())(app, params);

export const routes: Record<string, ScreenFactory> = {
  '': homeScreen,
  learn: learnScreen,
  setup: setupScreen,
  screen: screeningScreen,
  method: lazy(async () => (await import('./screens/method.ts')).methodScreen),
  phone: lazy(async () => (await import('./screens/phone-setup.ts')).phoneSetupScreen),
  camera: lazy(async () => (await import('./screens/camera-setup.ts')).cameraSetupScreen),
  calibrate: lazy(async () => (await import('./screens/calibrate.ts')).calibrateScreen),
  session: lazy(async () => (await import('./screens/session.ts')).sessionScreen),
  summary: lazy(async () => (await import('./screens/summary.ts')).summaryScreen),
  history: lazy(async () => (await import('./screens/history.ts')).historyScreen),
  clinic: lazy(async () => (await import('./screens/clinic.ts')).clinicScreen),
};
