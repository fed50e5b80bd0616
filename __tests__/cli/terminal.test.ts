// The CLI on a real terminal (tmux): the progress bar must leave the report intact and the
// terminal as it found it. Needs tmux (scripts/test-env.sh install); skipped without it unless
// MIC_REQUIRE_TMUX=1 (.ci/run).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildImage, onBase } from '../../__fixtures__/image-builder';

const root = join(__dirname, '..', '..');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux && process.env.MIC_REQUIRE_TMUX === '1') throw new Error('the terminal tests are required here (MIC_REQUIRE_TMUX=1) but tmux does not run');
const suite = hasTmux ? describe : describe.skip;

suite('the CLI on a terminal (tmux)', () => {
  const socket = `mic-test-${process.pid}`;
  const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' }).stdout;
  const dir = mkdtempSync(join(tmpdir(), 'mic-terminal-'));
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `command` in a new 100x40 window; resolves once `until` shows in its pane. */
  async function runIn(session: string, command: string, until: RegExp): Promise<void> {
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '40', command);
    await waitFor(session, until);
  }

  async function waitFor(session: string, until: RegExp, timeoutMs = 60000): Promise<void> {
    const started = Date.now();
    while (!until.test(tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session))) {
      if (Date.now() - started > timeoutMs) throw new Error(`"${until}" did not show in time:\n${tmux('capture-pane', '-p', '-t', session)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('npm run demo leaves both reports whole and in order, with no bar left over', async () => {
    await runIn('demo', `cd ${root} && node scripts/demo.mjs; echo DEMO-DONE; sleep 60`, /^DEMO-DONE$/m);
    // -J joins lines the terminal wrapped: a line cut at the width (line wrapping left off) would show cut.
    const pane = tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'demo');
    const order = [
      '=== A clean training image',
      'PASSED: ModelArts should accept this image',
      '(exit code 0)',
      '=== An image that breaks the specification',
      '/opt/ls is owned by root and has the setuid (mode 4755); it was added. Remove the bit (chmod u-s,g-s) or the file.',
      'FAILED: ModelArts would reject this image',
      '(exit code 1)',
      'The archives are in',
      'DEMO-DONE'
    ];
    const at = order.map((text) => pane.indexOf(text));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(pane).not.toMatch(/checking \[/);
  }, 90000);

  it('gives the terminal back its cursor and line wrapping when Ctrl-C stops a check', async () => {
    const { archive } = await buildImage(onBase([{ entries: [{ path: 'opt/big.bin', content: Buffer.alloc(4 << 20, 7) }] }]));
    const file = join(dir, 'image.tar');
    writeFileSync(file, archive);
    // Half the archive from a writer in the background (Ctrl-C does not reach it), which keeps
    // the pipe open: the check waits with its bar drawn.
    const fifo = join(dir, 'fifo');
    const command = `mkfifo ${fifo}; (head -c ${archive.length >> 1} ${file}; sleep 60) > ${fifo} & node ${join(root, 'dist', 'cli.js')} - < ${fifo}; echo EXIT=$?; sleep 60`;
    await runIn('interrupt', command, /checking \[/);
    expect(tmux('display', '-p', '-t', 'interrupt', '#{cursor_flag} #{wrap_flag}').trim()).toBe('0 0');
    tmux('send-keys', '-t', 'interrupt', 'C-c');
    await waitFor('interrupt', /^EXIT=130$/m);
    expect(tmux('display', '-p', '-t', 'interrupt', '#{cursor_flag} #{wrap_flag}').trim()).toBe('1 1');
  }, 90000);
});
