// The portal's charts are the app's one chart + table component.
export { type ChartSpec, lineChart, type Series } from '../ui/chart.ts';
