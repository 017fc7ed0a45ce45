import type { App } from '../app/app.ts';
import type { RepSource } from '../session/rep-source.ts';
export function phoneRepSource(_app: App): RepSource | null {
  return null;
}
