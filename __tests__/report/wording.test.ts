// Counts in the reports read as English: "1 warning", "the first layer was", "1 file was".
import { check } from '../../__fixtures__/check';
import { onBase } from '../../__fixtures__/image-builder';
import { maskSecret } from '../../src/core/text/mask';
import { renderSummary } from '../../src/report/job-summary';
import { buildJsonReport } from '../../src/report/json-report';
import { renderText } from '../../src/report/text-report';

it('says "1 warning", "the first layer" and "1 file was" in the text report and the job summary', async () => {
  const big = 'x'.repeat(8192);
  const r = await check(onBase([{ entries: [{ path: 'opt/app.py', content: big }] }], { User: 'work' }), { withBase: false, settings: { scanLimit: 4096 } });
  const report = buildJsonReport(r, 'error');
  expect(report.summary).toMatchObject({ errors: 0, warnings: 1, notices: 0 });
  expect(report.base).toMatchObject({ given: false, guessed: true, layers: 1 });
  expect(report.scan.truncatedFiles).toBe(1);

  const text = renderText(report, false);
  expect(text).toContain('base: not given; guessed as the first layer from the history');
  expect(text).toContain('1 file was scanned only in part');
  expect(text).toContain('PASSED: ModelArts should accept this image (0 errors, 1 warning, 0 notices).');
  expect(text).toContain('the first layer was taken as the base, guessed from the image history');

  const html = renderSummary(report);
  expect(html).toContain('0 errors, 1 warning, 0 notices.');
  expect(html).toContain('the first layer was guessed to be the base');
});

it('says "1 character" in a masked secret', () => {
  expect(maskSecret('x', 0)).toBe('* (1 character, masked)');
  expect(maskSecret('abc', 0)).toBe('*** (3 characters, masked)');
});
