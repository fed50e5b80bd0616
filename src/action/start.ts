// The action as it runs in the launcher's worker thread (bundled to dist/action-main.js).
import { run } from './main';

void run();
