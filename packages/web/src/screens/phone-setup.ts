// Placeholder until the sensor set-up lands.
import type { ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';

export const phoneSetupScreen: ScreenFactory = (app) => ({ title: app.t('session.title'), el: h('p', null, '…') });
