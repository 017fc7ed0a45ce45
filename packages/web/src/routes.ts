// The screens by route name. Heavy screens (camera, session) are loaded on demand so the first
// screen ships as little JavaScript as possible.
import type { Route } from './app/app.ts';
import { homeScreen } from './screens/home.ts';
import { learnScreen } from './screens/learn.ts';
import { screeningScreen } from './screens/screening.ts';
import { setupScreen } from './screens/setup.ts';

export const routes: Record<string, Route> = {
  '': homeScreen,
  learn: learnScreen,
  setup: setupScreen,
  screen: screeningScreen,
  method: { load: async () => (await import('./screens/method.ts')).methodScreen },
  phone: { load: async () => (await import('./screens/phone-setup.ts')).phoneSetupScreen },
  camera: { load: async () => (await import('./screens/camera-setup.ts')).cameraSetupScreen },
  'phone-check': { load: async () => (await import('./screens/phone-check.ts')).phoneCheckScreen },
  calibrate: { load: async () => (await import('./screens/calibrate.ts')).calibrateScreen },
  session: { load: async () => (await import('./screens/session.ts')).sessionScreen },
  summary: { load: async () => (await import('./screens/summary.ts')).summaryScreen },
  history: { load: async () => (await import('./screens/history.ts')).historyScreen },
  clinic: { load: async () => (await import('./screens/clinic.ts')).clinicScreen },
};
