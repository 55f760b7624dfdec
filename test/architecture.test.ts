import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULE_LAYERS } from '../src/modules/layers.ts';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(text: string): string[] {
  const found: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) found.push((m[1] ?? m[2])!);
  return found.filter((s) => s.startsWith('.'));
}

/** Which part of the tree a file is in: platform, main, config, or module:<name>. */
function partOf(file: string): string {
  const rel = relative(src, file).split(sep);
  if (rel[0] === 'modules' && rel.length > 2) return `module:${rel[1]}`;
  if (rel[0] === 'modules') return 'modules-root';
  return rel[0] === 'config.ts' ? 'config' : rel[0]!;
}

interface Violation {
  file: string;
  imports: string;
  why: string;
}

function findViolations(files: { file: string; text: string }[]): Violation[] {
  const rank = new Map<string, number>(MODULE_LAYERS.map((m, i) => [m, i]));
  const out: Violation[] = [];
  for (const { file, text } of files.filter((f) => !f.file.endsWith('.test.ts'))) {
    const from = partOf(file);
    for (const spec of importsOf(text)) {
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(src)) continue;
      const to = partOf(target);
      const rel = relative(src, file);
      if (from === 'platform' && to !== 'platform' && to !== 'config')
        out.push({ file: rel, imports: spec, why: 'platform must not import domain code' });
      if (from.startsWith('module:') && to === 'main')
        out.push({ file: rel, imports: spec, why: 'a module must not import src/main' });
      if (from.startsWith('module:') && to.startsWith('module:') && from !== to) {
        const a = from.slice(7);
        const b = to.slice(7);
        const ra = rank.get(a);
        const rb = rank.get(b);
        if (ra === undefined || rb === undefined)
          out.push({
            file: rel,
            imports: spec,
            why: `module ${ra === undefined ? a : b} is not listed in src/modules/layers.ts`,
          });
        else if (rb >= ra) out.push({ file: rel, imports: spec, why: `${a} may not import ${b}, which is not a lower layer` });
        if (!/[/\\]index\.ts$/.test(target)) out.push({ file: rel, imports: spec, why: `import ${b} through its index.ts only` });
      }
    }
  }
  return out;
}

const sources = () => walk(src).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const at = (path: string, text: string) => ({ file: join(src, path), text });

describe('module boundaries', () => {
  it('lower modules never import higher ones, and modules meet only through index.ts', () => {
    expect(findViolations(sources())).toEqual([]);
  });

  it('every module folder is placed in the layer order', () => {
    const folders = readdirSync(join(src, 'modules')).filter((n) => statSync(join(src, 'modules', n)).isDirectory());
    expect(folders.filter((f) => !(MODULE_LAYERS as readonly string[]).includes(f))).toEqual([]);
  });

  it.each([
    ['modules/places/a.ts', "import { x } from '../analysis/index.ts';", 'places may not import analysis'],
    ['modules/data/a.ts', "import { x } from '../indicators/indicator.repository.ts';", 'through its index.ts only'],
    ['platform/a.ts', "import type { Area } from '../modules/places/index.ts';", 'platform must not import'],
    ['modules/places/a.ts', "export { y } from '../../main/cli.ts';", 'must not import src/main'],
    ['modules/data/a.ts', "const m = await import('../analysis/index.ts');", 'data may not import analysis'],
  ])('refuses %s importing %s', (path, text, why) => {
    const found = findViolations([at(path, text)]);
    expect(found.map((v) => v.why).join('; ')).toContain(why);
  });

  it('allows a higher module importing a lower one through index.ts', () => {
    expect(findViolations([at('modules/analysis/a.ts', "import { getSeries } from '../data/index.ts';")])).toEqual([]);
  });
});
