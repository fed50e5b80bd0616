import { normalizeEntryName } from '../../../src/core/fs/image-path';

describe('normalizeEntryName', () => {
  it.each([
    ['usr/bin/python3', '/usr/bin/python3'],
    ['usr/bin/', '/usr/bin'],
    ['/usr/bin', '/usr/bin'],
    ['/usr/bin/', '/usr/bin'],
    ['./usr/bin', '/usr/bin'],
    ['usr//bin/./python3', '/usr/bin/python3'],
    ['usr/lib/../bin', '/usr/bin'],
    ['.hidden/a..b/c..', '/.hidden/a..b/c..'],
    ['', '/'],
    ['/', '/'],
    ['./', '/']
  ])('%j -> %j', (name, path) => {
    expect(normalizeEntryName(name)).toBe(path);
  });

  it.each(['..', '../etc/passwd', 'usr/../../etc', './..'])('%j climbs out of the root', (name) => {
    expect(normalizeEntryName(name)).toBeNull();
  });
});
