export { default } from '../../central/bench/central-sync-benchmark.ts';
