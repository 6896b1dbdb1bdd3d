// Must be the first import of every Node entry: chevrotain 13 (inside Langium 4.4) calls Object.groupBy,
// which Node 20 (the extension host before VS Code 1.101, and CI) lacks. esbuild keeps import order.
import '../../../../scripts/polyfill-groupby.cjs';
