// The documentation is part of the interface: it must say what the code does.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import schema from '../schema/modelarts-image-check.schema.json';
import { RULES } from '../src/core/rules';
import { VERSION } from '../src/version';

const root = join(__dirname, '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const action = parse(read('action.yml')) as {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
};

describe('documentation', () => {
  it('lists every action input and output in the README, as action.yml describes them', () => {
    const readme = read('README.md');
    for (const [name, input] of Object.entries(action.inputs)) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
      expect(row).toBeDefined();
      expect(row).toContain(input.description.replace(/\|/g, '\\|').trim());
      if (input.default !== undefined) expect(row).toContain(`\`${input.default}\``);
    }
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(readme).toContain(`| \`${name}\` | ${output.description} |`);
    }
    const documented = [...readme.matchAll(/^\| `([\w-]+)` \| (?:required|`[^`]*`|) \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('has a page for every rule, quoting the sentence the rule enforces and naming its source, and the schema knows every rule', () => {
    const words = (text: string) => text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
    for (const rule of RULES) {
      const page = read(`docs/rules/${rule.id}.md`);
      expect(page).toMatch(new RegExp(`^# ${rule.id}\\n`));
      expect(page).toContain('## Failing');
      expect(page).toContain('## Fixed');
      expect(page).toContain('## Waiving');
      // The page quotes the rule's spec sentence (or its first part, up to "..."), and names the page it comes from.
      const quote = words(/^> (.*)$/m.exec(page)![1].replace(/\.\.\..*$/, ''));
      expect(words(rule.spec)).toContain(quote);
      expect(page).toContain(`**Source:** ${rule.source}`);
      expect(read('README.md')).toContain(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`);
    }
    expect(readdirSync(join(root, 'docs/rules')).sort()).toEqual(RULES.map((r) => `${r.id}.md`).sort());
    expect(schema.$defs.ruleId.enum).toEqual(RULES.map((r) => r.id));
  });

  it('links only to files that exist', () => {
    const pages = [
      'README.md',
      'CONTRIBUTING.md',
      'CHANGELOG.md',
      ...readdirSync(join(root, 'docs'), { recursive: true }).map((f) => join('docs', String(f)))
    ].filter((f) => f.endsWith('.md'));
    const broken: string[] = [];
    for (const page of pages) {
      for (const [, target] of read(page).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(?:[a-z]+:|#)/.test(target)) continue;
        if (!existsSync(join(root, dirname(page), target.split('#')[0]))) broken.push(`${page}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('keeps the version, the package and the action metadata consistent', () => {
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.version).toBe(VERSION);
    expect(pkg.bin['modelarts-image-check']).toBe('dist/cli.js');
    for (const f of pkg.files.filter((f: string) => !f.endsWith('/'))) expect(existsSync(join(root, f))).toBe(true);
    expect(read('CHANGELOG.md')).toContain(VERSION);
  });

  it("has example workflows and an action.yml that GitHub's workflow parser accepts", () => {
    const examples = readdirSync(join(root, 'examples/workflows')).map((f) => join('examples/workflows', f));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const files = ['--action', 'action.yml', ...examples, '.github/workflows/ci.yml', '.github/workflows/self-test.yml'];
    const ok = spawnSync(process.execPath, ['scripts/validate-workflows.mjs', ...files], { cwd: root, encoding: 'utf8' });
    expect(ok.stdout).toBe('');
    expect(ok.status).toBe(0);
    // and it does find errors
    const bad = spawnSync(process.execPath, ['scripts/validate-workflows.mjs', '__fixtures__/broken-workflow.yml'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/Unexpected value 'stepz'/);
  }, 60000);
});
