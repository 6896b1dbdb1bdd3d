#!/usr/bin/env node
// Launcher: the CLI is bundled to dist/mq.cjs by `npm run build` (run automatically by `npm ci`).
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'mq.cjs');
if (!fs.existsSync(bundle)) {
    process.stderr.write('mq: the CLI is not built yet. Run `npm run build` in the repository root.\n');
    process.exit(2);
}
require(bundle);
