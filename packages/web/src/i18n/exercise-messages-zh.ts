import { MESSAGES_EN } from '@anklepump/exercise';
import type { ExerciseCatalog } from './exercise-messages.ts';
export const EXERCISE_ZH: ExerciseCatalog = { ...MESSAGES_EN };
