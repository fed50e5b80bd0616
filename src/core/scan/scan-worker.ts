// Worker thread entry (bundled to dist/scan-worker.js): runs a StreamProcessor on the layer
// bytes the parser publishes in the shared ring, releasing each slot when done with it.
import { parentPort, workerData } from 'node:worker_threads';
import { StreamProcessor } from './stream-processor';
import { Op, RingConsumer } from './shared-ring';
import type { ScanWorkerData } from './scan-workers';

const { work, ring, index } = workerData as ScanWorkerData;
const processor = new StreamProcessor(work);
const consumer = new RingConsumer(ring, index);

try {
  for (let slot = consumer.next(); slot !== null; slot = consumer.next()) {
    if (slot.op === Op.Begin) processor.begin();
    else if (slot.op === Op.Data) {
      if (slot.ranges.length) processor.addRanges(slot.ranges);
      // The slot is reused once released: nothing may keep a reference to it after data().
      processor.data(slot.data);
      if (slot.skipAfter) processor.skip(slot.skipAfter);
    } else {
      const result = processor.end();
      // The tag arrays are moved, not copied: they can be megabytes for a big layer.
      parentPort!.postMessage({ t: 'result', result }, [result.tags.indices.buffer, result.tags.bytes.buffer]);
    }
    consumer.release();
  }
} catch (err) {
  // The producer learns of it from this message; it never waits on a dead consumer for long.
  parentPort!.postMessage({ t: 'error', message: (err as Error).message });
}
