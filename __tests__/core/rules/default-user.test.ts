import { check, rule } from '../../../__fixtures__/check';
import { maUserBaseLayers, onBase, onMaUserBase, type ImageSpec, type LayerSpec } from '../../../__fixtures__/image-builder';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

describe('default-user', () => {
  const user = async (User: string | undefined) => rule(await check(onBase([], User === undefined ? {} : { User })), 'default-user');

  it('reads the config as Docker does: a later "user" key is the user, not the "User" before it', async () => {
    const spec = onBase([], { User: 'work' });
    const r = await check(spec, { tamperConfig: (c) => Object.assign(c.config as object, { user: 'root' }) });
    expect(rule(r, 'default-user').map((f) => f.message)).toEqual([expect.stringMatching(/root \(UID 0\)/)]);
    expect(r.facts.config.config?.User).toBe('root');
  });

  it.each(['work', '1101', 'work:work', '1101:1101', 'work:1101', '00000000000000001101', '1101:2147483647'])('accepts %s', async (u) => {
    expect(await user(u)).toEqual([]);
  });

  it.each([
    [undefined, /no default user/],
    ['', /no default user/],
    ['root', /root \(UID 0\)/],
    ['0', /root \(UID 0\)/],
    ['1000', /UID 1000/],
    ['ghost', /not a user in the image's \/etc\/passwd/],
    ['work:nogroup', /group "nogroup", which is not in/],
    // runc and iSulad refuse numeric users above 2^31 - 1 ("uids and gids must be in range 0-2147483647").
    ['2147483648', /USER "2147483648" is not a UID a container can run as \(container runtimes accept 0 to 2147483647\), so the container would not start/],
    ['99999999999999999999999', /USER "99999999999999999999999" is not a UID a container can run as/],
    ['1101:2147483648', /USER "1101:2147483648" names the GID 2147483648, which container runtimes refuse/]
  ])('rejects %p', async (u, message) => {
    const found = await user(u);
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('error');
    expect(found[0].message).toMatch(message);
  });

  it('shortens a very long USER in its message instead of printing it whole', async () => {
    const long = 'x'.repeat(100_000);
    const [found] = await user(long);
    expect(found.message).toContain(`USER "${'x'.repeat(64)}... (100,000 characters)" is not a user`);
    expect(found.message.length).toBeLessThan(400);
    expect((await user('u'.repeat(64)))[0].message).toContain(`USER "${'u'.repeat(64)}" is not`);
  });

  // Docker's runtime (runc, and containerd for Kubernetes) resolves USER with libcontainer's
  // user package: each line trimmed, fields split at ":", a UID that is no number read as 0,
  // the first entry with the name winning.
  it.each([
    ['a line with blanks around it', ' work:x:0:0:root:/root:/bin/sh\t'],
    ['a line with fewer fields', 'work:x:0:0'],
    ['a UID that is no number', 'work:x:1101x:1101::/home/work:/bin/sh']
  ])('reads /etc/passwd as the container runtime does: %s, before the real entry, makes "work" root', async (_name, first) => {
    const passwd = `root:x:0:0::/root:/bin/sh\n${first}\nwork:x:1101:1101::/home/work:/bin/sh\n`;
    const found = rule(await check(onBase([layer([{ path: 'etc/passwd', content: passwd }])], { User: 'work' })), 'default-user');
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/"work" is root \(UID 0\)/)]);
  });

  it('reads USER as the container runtime does: a signed number is a UID, blanks are part of a name', async () => {
    expect(await user('+1101')).toEqual([]);
    expect((await user(' 1101'))[0].message).toMatch(/USER " 1101" is not a user in the image's \/etc\/passwd/);
    expect((await user('-1'))[0].message).toMatch(/USER "-1" is not a UID a container can run as/);
  });

  it('resolves names through the final /etc/passwd and honours --expected-uid', async () => {
    const spec = onBase([layer([{ path: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\nma-user:x:1000:100::/home/ma-user:/bin/sh\n' }])], {
      User: 'ma-user'
    });
    expect(rule(await check(spec, { settings: { expectedUid: 1000 } }), 'default-user')).toEqual([]);
    expect(rule(await check(spec), 'default-user')[0].message).toMatch(/UID 1000; ModelArts requires UID 1101/);
  });
});

describe('default-user in the current profile', () => {
  const onMaUser = async (config: ImageSpec['config'], entries: LayerSpec['entries'] = []) =>
    rule(await check(onMaUserBase(entries.length ? [layer(entries)] : [], config), { baseLayers: maUserBaseLayers() }), 'default-user');

  it('requires UID 1000 and accepts ma-user with GID 100', async () => {
    expect(await onMaUser({ User: 'ma-user' })).toEqual([]);
    expect(await onMaUser({ User: '1000:100' })).toEqual([]);
    expect((await onMaUser({ User: 'root' })).map((f) => [f.severity, f.message])).toEqual([
      ['error', expect.stringMatching(/root \(UID 0\); ModelArts requires UID 1000/)]
    ]);
  });

  it('warns when the primary group is not GID 100, as the runtime resolves it', async () => {
    const other = 'root:x:0:0::/root:/bin/sh\nma-user:x:1000:1000::/home/ma-user:/bin/bash\n';
    expect((await onMaUser({ User: 'ma-user' }, [{ path: 'etc/passwd', content: other }])).map((f) => [f.severity, f.message])).toEqual([
      ['warning', expect.stringMatching(/has the primary group GID 1000; ModelArts expects GID 100 \(ma-group\)/)]
    ]);
    // A numeric UID without a passwd entry runs with GID 0.
    const none = 'root:x:0:0::/root:/bin/sh\n';
    expect((await onMaUser({ User: '1000' }, [{ path: 'etc/passwd', content: none }])).map((f) => f.severity)).toEqual(['warning']);
    expect(await onMaUser({ User: '1000:100' }, [{ path: 'etc/passwd', content: none }])).toEqual([]);
  });
});
