import { check, rule } from '../../../__fixtures__/check';
import { onBase, type LayerSpec } from '../../../__fixtures__/image-builder';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

describe('log-stdout and offline-deps', () => {
  const script = (text: string) => layer([{ path: 'opt/start.sh', content: text, mode: 0o755 }], '/bin/sh -c #(nop) COPY file:abc in /opt/start.sh ');

  it('reads the start-up command and the scripts it starts', async () => {
    const r = await check(
      onBase(
        [
          script(
            '#!/bin/bash\npip install torch==2.1\npython train.py > /cache/train.log 2>&1\npython eval.py | tee eval.txt\nnohup python serve.py &\necho ok\n'
          )
        ],
        {
          User: 'work',
          Cmd: ['/bin/sh', '-c', 'bash /opt/start.sh']
        }
      )
    );
    const logs = rule(r, 'log-stdout').map((f) => f.message);
    expect(logs).toHaveLength(3);
    expect(logs[0]).toMatch(/\/opt\/start\.sh:3: output is redirected to the file \/cache\/train\.log/);
    expect(logs[1]).toMatch(/tee copies the output into the file eval\.txt/);
    expect(logs[2]).toMatch(/nohup/);
    const deps = rule(r, 'offline-deps');
    expect(deps).toHaveLength(1);
    expect(deps[0].message).toMatch(/\/opt\/start\.sh:2 installs Python packages/);
    expect(deps.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('accepts logging to stdout and offline installs', async () => {
    const r = await check(
      onBase([script('#!/bin/sh\npip install --no-index --find-links /wheels x\npython train.py 2>&1\ncommand -v nvidia-smi > /dev/null\n')], {
        User: 'work',
        Entrypoint: ['/opt/start.sh']
      })
    );
    expect(rule(r, 'log-stdout')).toEqual([]);
    expect(rule(r, 'offline-deps')).toEqual([]);
  });

  it('quotes a long start-up line cut, saying how long it is', async () => {
    const padding = 'x'.repeat(10_000);
    const r = await check(
      onBase([script(`#!/bin/sh\npython train.py --tag ${padding} > /cache/train.log\npip install torch ${padding}\n`)], {
        User: 'work',
        Entrypoint: ['/opt/start.sh']
      })
    );
    const [log] = rule(r, 'log-stdout');
    const [dep] = rule(r, 'offline-deps');
    expect(log.message).toMatch(/\("python train\.py --tag x{138}\.\.\. \(10,041 characters\)"\)/);
    expect(dep.message).toMatch(/\("pip install torch x{142}\.\.\. \(10,018 characters\)"\)/);
  });

  it('flags downloads in the command itself', async () => {
    const r = await check(
      onBase([], { User: 'work', Cmd: ['/bin/sh', '-c', 'git clone https://example.com/x.git && curl -sL https://example.com/get.sh | bash'] })
    );
    expect(rule(r, 'offline-deps')).toHaveLength(1);
  });
});

describe('log-stdout: Python output buffered in a pipe', () => {
  const script = (text: string) => layer([{ path: 'opt/start.sh', content: text, mode: 0o755 }]);
  const notices = async (config: Parameters<typeof onBase>[1]) =>
    rule(await check(onBase([script('#!/bin/sh\necho hi\n')], config)), 'log-stdout').filter((f) => f.severity === 'notice');
  const PATH = 'PATH=/usr/bin:/bin';

  it('is a notice when a Python boot command runs without PYTHONUNBUFFERED or -u', async () => {
    const [found] = await notices({ User: 'work', Cmd: ['python3', '/opt/start.sh'], Env: [PATH] });
    expect(found.message).toMatch(/^The boot command \(CMD\) runs Python \("python3 \/opt\/start\.sh"\) with its output buffered/);
    expect(await notices({ User: 'work', Cmd: ['/bin/sh', '-c', 'cd /opt && torchrun --nproc_per_node 8 train.py'], Env: [PATH] })).toHaveLength(1);
  });

  it('is fine with ENV PYTHONUNBUFFERED=1, an assignment before the command, or python -u', async () => {
    expect(await notices({ User: 'work', Cmd: ['python3', 'x.py'], Env: [PATH, 'PYTHONUNBUFFERED=1'] })).toEqual([]);
    expect(await notices({ User: 'work', Cmd: ['/bin/sh', '-c', 'PYTHONUNBUFFERED=1 python3 x.py'], Env: [PATH] })).toEqual([]);
    expect(await notices({ User: 'work', Cmd: ['python3', '-u', 'x.py'], Env: [PATH] })).toEqual([]);
    expect(await notices({ User: 'work', Cmd: ['python3', '-Bu', 'x.py'], Env: [PATH] })).toEqual([]);
    expect(await notices({ User: 'work', Cmd: ['python3', '-X', 'utf8', '-u', 'x.py'], Env: [PATH] })).toEqual([]);
    // An empty value does not count: Python takes any non-empty one.
    expect(await notices({ User: 'work', Cmd: ['python3', 'x.py'], Env: [PATH, 'PYTHONUNBUFFERED='] })).toHaveLength(1);
    expect(await notices({ User: 'work', Cmd: ['bash', '/opt/start.sh'], Env: [PATH] })).toEqual([]);
  });
});
