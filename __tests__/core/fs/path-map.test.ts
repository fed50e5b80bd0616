import { PathMap } from '../../../src/core/fs/path-map';

describe('PathMap', () => {
  it('keeps, replaces and deletes paths like a Map, counting them', () => {
    const m = new PathMap();
    m.set('/usr/bin/python3', 1);
    m.set('/etc/passwd', 2);
    m.set('/usr/bin/python3', 3); // replaced: still one path
    m.set('/usr/lib/libc.so.6', 4);
    m.set('/bin', 5);
    expect(m.size).toBe(4);
    expect(m.get('/usr/bin/python3')).toBe(3);
    expect(m.get('/etc/passwd')).toBe(2);
    expect(m.get('/bin')).toBe(5);
    expect(m.get('/usr/bin/python')).toBeUndefined();
    expect(m.get('/opt/nothing/here')).toBeUndefined();
    m.delete('/etc/passwd');
    m.delete('/etc/passwd');
    m.delete('/no/such/path');
    expect(m.size).toBe(3);
    expect(m.get('/etc/passwd')).toBeUndefined();
    // The directory a caller already split off gives the same answers.
    m.set('/etc/group', 6, '/etc');
    expect(m.get('/etc/group', '/etc')).toBe(6);
    expect(m.get('/etc/group')).toBe(6);
    m.delete('/etc/group', '/etc');
    expect(m.get('/etc/group')).toBeUndefined();
    expect(m.size).toBe(3);
  });

  it('answers for the right directory whatever the order of calls (its last-directory shortcut)', () => {
    const m = new PathMap();
    const paths = ['/a/x', '/b/x', '/a/y', '/a/b/x', '/b/y', '/a/z', '/x'];
    paths.forEach((p, i) => m.set(p, i));
    for (const p of [...paths].reverse()) expect(m.get(p)).toBe(paths.indexOf(p));
    expect(m.get('/a/b')).toBeUndefined();
    expect(m.get('/b/z')).toBeUndefined();
  });

  it("visits every path once, a directory's together, with its directory", () => {
    const m = new PathMap();
    ['/a/1', '/b/1', '/a/2', '/c/d/1', '/b/2'].forEach((p, i) => m.set(p, i));
    const seen: string[] = [];
    m.forEach((value, path, dir) => {
      expect(dir).toBe(path.slice(0, path.lastIndexOf('/')));
      seen.push(`${path}=${value}`);
    });
    expect(seen).toEqual(['/a/1=0', '/a/2=2', '/b/1=1', '/b/2=4', '/c/d/1=3']);
    // Deleting while visiting skips nothing and visits nothing twice.
    const visited: string[] = [];
    m.forEach((_value, path) => {
      visited.push(path);
      if (path.endsWith('1')) m.delete(path);
    });
    expect(visited).toHaveLength(5);
    expect(m.size).toBe(2);
  });

  it('copies: changes to the copy leave the original as it was', () => {
    const m = new PathMap();
    m.set('/usr/bin/a', 1);
    m.set('/usr/bin/b', 2);
    const copy = new PathMap(m);
    copy.set('/usr/bin/a', 10);
    copy.set('/usr/bin/c', 3);
    copy.delete('/usr/bin/b');
    expect([m.get('/usr/bin/a'), m.get('/usr/bin/b'), m.get('/usr/bin/c'), m.size]).toEqual([1, 2, undefined, 2]);
    expect([copy.get('/usr/bin/a'), copy.get('/usr/bin/b'), copy.get('/usr/bin/c'), copy.size]).toEqual([10, undefined, 3, 2]);
  });
});
