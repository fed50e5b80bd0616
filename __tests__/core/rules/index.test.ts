import { check, rule } from '../../../__fixtures__/check';
import { onBase, type LayerSpec } from '../../../__fixtures__/image-builder';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

describe('severities and waivers', () => {
  const spec = onBase([layer([{ path: 'opt/tool', content: 'x', mode: 0o4755 }])]);

  it('turns a rule off or changes its severity', async () => {
    expect(rule(await check(spec, { settings: { severities: { 'setuid-setgid': 'off' } } }), 'setuid-setgid')).toEqual([]);
    expect(rule(await check(spec, { settings: { severities: { 'setuid-setgid': 'notice' } } }), 'setuid-setgid')[0].severity).toBe('notice');
  });

  it('waives a finding by rule and path glob until the waiver expires', async () => {
    const waived = rule(
      await check(spec, { settings: { waivers: [{ rule: 'setuid-setgid', path: '/opt/**', reason: 'vendor tool', expires: '2026-12-31' }] } }),
      'setuid-setgid'
    );
    expect(waived[0].waived).toEqual({ reason: 'vendor tool', expires: '2026-12-31' });
    const expired = await check(spec, { settings: { waivers: [{ rule: 'setuid-setgid', path: '/opt/**', reason: 'vendor tool', expires: '2026-01-01' }] } });
    const found = rule(expired, 'setuid-setgid');
    expect(found.find((f) => f.severity === 'error')?.waived).toBeUndefined();
    expect(found.find((f) => f.severity === 'notice')?.message).toMatch(/expired on 2026-01-01/);
    const otherPath = rule(await check(spec, { settings: { waivers: [{ rule: 'setuid-setgid', path: '/usr/**', reason: 'x' }] } }), 'setuid-setgid');
    expect(otherPath[0].waived).toBeUndefined();
  });
});
