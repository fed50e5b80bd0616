// Worker thread entry (bundled to dist/side-worker.js): runs a RangeProcessor on the layer
// bytes the parser sends, acknowledging each chunk so that the parser can apply backpressure.
import { parentPort, workerData } from 'node:worker_threads';
import { RangeProcessor, type FileRanges, type RangeWork } from './range-processor';

const processor = new RangeProcessor(workerData as RangeWork);
type Message = { t: 'begin' } | { t: 'data'; ranges: FileRanges; slot: number; buffer: SharedArrayBuffer; length: number } | { t: 'end' };

parentPort!.on('message', (m: Message) => {
  if (m.t === 'begin') processor.begin();
  else if (m.t === 'data') {
    if (m.ranges.length) processor.addRanges(m.ranges);
    // The slot is reused once acknowledged: nothing may keep a reference to it after data().
    processor.data(new Uint8Array(m.buffer, 0, m.length));
    parentPort!.postMessage({ t: 'ack', slot: m.slot });
  } else parentPort!.postMessage({ t: 'result', result: processor.end() });
});
