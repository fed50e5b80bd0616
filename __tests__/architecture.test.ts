// docs/architecture.md is the map of the tree: it must name every source file, name none that
// is gone, and the modules must not import one another in a cycle.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { RULES } from '../src/core/rules';

const root = join(__dirname, '..');
const src = join(root, 'src');
const page = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
const sources = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split('\\').join('/'));

describe('the architecture page', () => {
  it('names every source file', () => {
    const ruleFiles = new Set(RULES.map((r) => `core/rules/${r.id}.ts`));
    const unnamed = sources.filter((f) => {
      const named = [f, f.replace(/^core\//, '')].some((p) => page.includes(`\`${p}\``));
      // The rule modules are named by their ids in one row.
      return !named && !(ruleFiles.has(f) && page.includes(`\`${f.slice('core/rules/'.length, -3)}\``));
    });
    expect(unnamed).toEqual([]);
  });

  it('names no source file that does not exist', () => {
    const named = [...page.matchAll(/`([\w./<>-]+\.ts)`/g)].map((m) => m[1]).filter((p) => !p.includes('<') && !p.startsWith('__tests__'));
    const missing = named.filter((p) => !existsSync(join(src, p)) && !existsSync(join(src, 'core', p)) && !existsSync(join(root, p)));
    expect(missing).toEqual([]);
  });
});

describe('the modules', () => {
  it('import one another without cycles (type imports included)', () => {
    const graph = new Map<string, string[]>();
    for (const f of sources) {
      const text = readFileSync(join(src, f), 'utf8');
      const deps = [...text.matchAll(/(?:from|import\(|require\()\s*'(\.{1,2}\/[^']+)'/g)]
        .map((m) => resolve(dirname(join(src, f)), m[1]))
        .map((p) => [`${p}.ts`, join(p, 'index.ts')].find((c) => existsSync(c)))
        .filter((p): p is string => p !== undefined)
        .map((p) => relative(src, p).split('\\').join('/'));
      graph.set(f, deps);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      state.set(f, 'open');
      for (const d of graph.get(f) ?? []) {
        if (state.get(d) === 'open') cycles.push([...path.slice(path.indexOf(d)), d].join(' -> '));
        else if (!state.has(d)) visit(d, [...path, d]);
      }
      state.set(f, 'done');
    };
    for (const f of sources) if (!state.has(f)) visit(f, [f]);
    expect(cycles).toEqual([]);
  });
});
