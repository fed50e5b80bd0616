import { useSmallYoungGeneration } from './core/memory-settings';
import { run } from './main';

useSmallYoungGeneration();
void run();
