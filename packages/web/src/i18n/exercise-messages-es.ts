import { MESSAGES_EN } from '@anklepump/exercise';
import type { ExerciseCatalog } from './exercise-messages.ts';
export const EXERCISE_ES: ExerciseCatalog = { ...MESSAGES_EN };
