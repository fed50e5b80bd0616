// dist/index.js (the action's entry): runs dist/action-main.js (src/action/start.ts) in a small-heap worker.
import { join } from 'node:path';
import { launchInWorker } from '../launch-in-worker';

launchInWorker(join(__dirname, 'action-main.js'));
