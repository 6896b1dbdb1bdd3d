// Entry point of `npm run bench:diagram`: the benchmark is TypeScript, so load it through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./diagram-bench.ts');
