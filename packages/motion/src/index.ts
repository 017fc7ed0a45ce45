export * from './landmark-frame.ts';
