import { CombinedNeeds, type TextNeed } from '../../src/core/stream-needs';
import { streamNeeds } from '../../src/core/rules';
import { defaultSettings } from '../../src/core/settings/settings';

describe('CombinedNeeds', () => {
  const scripts: TextNeed = { pattern: /\.sh$/, head: (head) => head.toString('latin1', 0, 2) === '#!', maxBytes: 100 };
  const accounts: TextNeed = { paths: ['/etc/passwd'], maxBytes: 1000 };

  it('keeps a text when any rule asks for it, by path or by its first bytes, up to the largest size asked', () => {
    const needs = new CombinedNeeds([{ texts: [scripts] }, { texts: [accounts, { paths: ['/etc/passwd'], maxBytes: 5000 }] }, { texts: [scripts] }]);
    expect(needs.textLimitByPath('/etc/passwd')).toBe(5000);
    expect(needs.textLimitByPath('/opt/run.sh')).toBe(100);
    expect(needs.textLimitByPath('/opt/run.py')).toBe(0);
    expect(needs.maxHeadBytes).toBe(100);
    expect(needs.keepsTextByHead(Buffer.from('#!/bin/sh\n'), 100)).toBe(true);
    expect(needs.keepsTextByHead(Buffer.from('#!/bin/sh\n'), 101)).toBe(false);
    expect(needs.keepsTextByHead(Buffer.from('print(1)\n'), 10)).toBe(false);
  });

  it('tags a file when any rule compares it, and runs every detector asked for once', () => {
    const needs = new CombinedNeeds([
      { contentTag: (path) => path.startsWith('/usr/'), detectors: ['a', 'b'] },
      { contentTag: (_path, file) => (file.mode & 0o4000) !== 0, detectors: ['b', 'c'] }
    ]);
    expect(needs.needsContentTag('/usr/bin/x', { mode: 0o755 })).toBe(true);
    expect(needs.needsContentTag('/opt/su', { mode: 0o4755 })).toBe(true);
    expect(needs.needsContentTag('/opt/x', { mode: 0o755 })).toBe(false);
    expect(needs.detectors).toEqual(['a', 'b', 'c']);
  });

  it('asks nothing for the rules that are off', () => {
    const all = new CombinedNeeds(streamNeeds(defaultSettings()));
    expect(all.detectors.length).toBeGreaterThan(0);
    expect(all.textLimitByPath('/etc/passwd')).toBeGreaterThan(0);
    const settings = defaultSettings();
    settings.severities = {
      'malicious-code': 'off',
      secrets: 'off',
      'default-user': 'off',
      'modelarts-tools': 'off',
      'user-access': 'off',
      'boot-command': 'off'
    };
    const some = new CombinedNeeds(streamNeeds(settings));
    expect(some.detectors).toEqual([]);
    expect(some.textLimitByPath('/etc/passwd')).toBe(0);
    expect(some.textLimitByPath('/root/.netrc')).toBe(0);
  });
});
