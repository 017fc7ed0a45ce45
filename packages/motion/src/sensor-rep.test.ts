import type { SensorRep } from '@anklepump/exercise';
import { describe, expectTypeOf, it } from 'vitest';
import type { MotionEvent, RepMetrics } from './motion-events.ts';

describe('rep events and the session machine', () => {
  it('hands a rep straight to the exercise package as a SensorRep', () => {
    expectTypeOf<RepMetrics>().toExtend<SensorRep>();
    expectTypeOf<Extract<MotionEvent, { type: 'rep' }>['rep']>().toExtend<SensorRep>();
  });

  it('keeps event kinds apart by their type field', () => {
    type Rep = Extract<MotionEvent, { type: 'rep' }>;
    expectTypeOf<Rep['side']>().toEqualTypeOf<'left' | 'right'>();
    // @ts-expect-error a warning has no rep
    type _ = Extract<MotionEvent, { type: 'warning' }>['rep'];
  });
});
