import { CONTENT_DETECTORS } from '../../../src/core/rules/content-detectors';
import { ContentScanner } from '../../../src/core/scan/content-scanner';

const SK = 'Qh7sKd93nFh27dkLs0Pq8ZrT5vXwYb1cNm4oEjGa';

/** Scans `files` in order with one scanner (as for one image), in chunks of `chunk` bytes. */
function scan(scanner: ContentScanner, files: Buffer[], chunk = Infinity) {
  return files.map((content, index) => {
    scanner.begin(index, 64 * 1024 * 1024);
    if (chunk >= content.length) scanner.feed(content, true);
    else for (let at = 0; at < content.length && scanner.feed(content.subarray(at, at + chunk), false); at += chunk);
    const hits = scanner.finish();
    return { hits: hits.map((h) => h.detector), scanned: scanner.scannedBytes, evidence: hits.map((h) => h.evidence) };
  });
}

describe('ContentScanner', () => {
  it('stops at its budget of checks with a finding, instead of checking look-alikes for hours', () => {
    // Every 4 bytes an anchor whose check fails: a few microseconds each without a budget.
    const decoys = Buffer.from('_SK='.repeat(5000));
    const secret = Buffer.from(`OBS_SK=${SK}\n`);
    for (const chunk of [Infinity, 7000]) {
      const results = scan(new ContentScanner(CONTENT_DETECTORS, 1000), [secret, decoys, secret], chunk);
      expect(results[0]).toMatchObject({ hits: ['huawei-cloud-sk'], scanned: secret.length });
      // One check went to the secret, 999 to the decoys at bytes 0 to 3,992: the next is at 3,996.
      expect(results[1].hits).toEqual(['scan-budget']);
      expect(results[1].evidence[0]).toMatch(/look-alikes of malware or credentials that the scan stopped there \(1,000 checked in this image/);
      expect(results[1].scanned).toBe(3996);
      // Whatever follows is not scanned, and says so.
      expect(results[2]).toMatchObject({ hits: [], scanned: 0 });
    }
  });

  it('spends nothing on text without anchors and little on real matches', () => {
    const scanner = new ContentScanner(CONTENT_DETECTORS, 3);
    const plain = Buffer.alloc(100000, 'a');
    const results = scan(scanner, [
      plain,
      Buffer.from(`OBS_SK=${SK}\nAKIAZ3MSJV4WWXXJ6ZQF\n`),
      Buffer.from(`X_SK=${SK}\n`),
      plain,
      Buffer.from(`Y_SK=${SK}\n`)
    ]);
    expect(results.map((r) => r.hits)).toEqual([[], ['huawei-cloud-sk', 'aws-access-key'], ['huawei-cloud-sk'], [], ['scan-budget']]);
    // The budget ran out with the third file's check, but only a fourth check stops the scan:
    // a file without anchors in between is still scanned, and the stop is never silent.
    expect(results[3].scanned).toBe(plain.length);
  });
});
