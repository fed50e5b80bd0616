#!/usr/bin/env node
// dist/cli.js: runs dist/cli-main.js (src/cli/start.ts) in a small-heap worker.
import { join } from 'node:path';
import { launchInWorker } from '../launch-in-worker';

launchInWorker(join(__dirname, 'cli-main.js'));
