#!/usr/bin/env node
// Import boundaries between the server's modules, platform and database layers and the web's modules,
// and no import cycles anywhere. Part of `npm run lint`; `node scripts/check-boundaries.mjs [root]`.
//
// Rules (static import/export-from statements, `import type` included):
//  1. server/src/modules/<a>/* imports another module <b> only through server/src/modules/<b>/<b>.service.ts
//     or <b>.manifest.ts; test files (*.test.ts) may import anything.
//  2. server/src/platform/** and server/src/db/** never import server/src/modules/**.
//  3. web/src/modules/<a>/* imports another web module <b> only through web/src/modules/<b>/index.ts(x);
//     web/src/components never imports web/src/modules/**, web/src/app only modules/index.ts and modules/types.ts.
//  4. No cycles. Type-only imports count: they still tie the files together, and a cycle of types is one
//     refactor away from a cycle of values. Dynamic import() is checked against rules 1-3 but not for
//     cycles, because it loads lazily and is how a cycle is broken on purpose.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * TEMPORARY allow-list of imports that break a rule today: to be emptied, not added to. Each entry is one
 * import, `from` → `to` relative to the repository root, with why it is still here. An entry that no longer
 * matches any import is reported as stale so that it gets deleted.
 */
export const KNOWN_VIOLATIONS = [];

const SOURCE_DIRS = ['contract/src', 'server/src', 'server/test', 'web/src', 'web/e2e', 'bench'];
const PARSED = /\.(ts|tsx|mts|cts)$/;
const CANDIDATES = ['', '.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx'];

function walk(root, dir, out) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) walk(root, rel, out);
    else if (PARSED.test(e.name)) out.push(rel);
  }
}

/** The workspaces' own package names, e.g. '@fugong/contract' → 'contract/src/index.ts'. */
function workspacePackages(root) {
  const map = new Map();
  for (const ws of ['contract', 'server', 'web']) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(root, ws, 'package.json'), 'utf8'));
      const main = typeof pkg.exports === 'string' ? pkg.exports : pkg.exports?.['.'];
      if (pkg.name && typeof main === 'string') map.set(pkg.name, path.posix.join(ws, main));
    } catch {
      // a workspace without a package.json or entry point is simply not importable by name
    }
  }
  return map;
}

// Import and export-from statements start a line in Prettier-formatted code (which lint checks first);
// between the keyword and `from` only names, braces, commas, `*` and comments can occur. A regular
// expression over the text is several times faster than a TypeScript parse, and lint runs often.
const STATIC_IMPORT =
  /^[ \t]*(?:import|export)\b(?:(?:[\w$\s{},*]|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*?\sfrom\s*|\s*)(['"])([^'"\n]+)\1/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*(['"`])([^'"`\n$]+)\1\s*\)/g;

/** Static imports and re-exports (`import type` and side-effect imports included) plus literal dynamic imports. */
export function parseImports(text) {
  const found = [];
  const lineAt = (index) => {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
    return line;
  };
  for (const m of text.matchAll(STATIC_IMPORT)) {
    // the match can start at an earlier `export enum E { A, B }`: the statement starts at the last keyword
    const starts = [...m[0].matchAll(/^[ \t]*(?:import|export)\b/gm)];
    found.push({ spec: m[2], line: lineAt(m.index + starts[starts.length - 1].index), dynamic: false });
  }
  for (const m of text.matchAll(DYNAMIC_IMPORT)) found.push({ spec: m[2], line: lineAt(m.index), dynamic: true });
  return found;
}

function makeResolver(root, packages) {
  const isFile = (rel) => {
    try {
      return fs.statSync(path.join(root, rel)).isFile();
    } catch {
      return false;
    }
  };
  return (from, spec) => {
    if (packages.has(spec)) return packages.get(spec);
    if (!spec.startsWith('./') && !spec.startsWith('../')) return null; // a package: outside the checked tree
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec.replace(/\?.*$/, '')));
    const bases = /\.[mc]?js$/.test(base) ? [base, base.replace(/\.([mc]?)js$/, '.$1ts'), base.replace(/\.js$/, '.tsx')] : [base];
    for (const b of bases) for (const c of CANDIDATES) if (isFile(b + c)) return b + c;
    return undefined;
  };
}

// server/src/modules/<a>/..., web/src/modules/<a>/... → <a>; a file directly in modules/ belongs to no module
const moduleOf = (file, prefix) => {
  if (!file.startsWith(prefix)) return null;
  const rest = file.slice(prefix.length).split('/');
  return rest.length > 1 ? rest[0] : null;
};

function ruleViolation(from, to) {
  const serverA = moduleOf(from, 'server/src/modules/');
  const serverB = moduleOf(to, 'server/src/modules/');
  if (serverA && serverB && serverA !== serverB && !from.endsWith('.test.ts')) {
    const allowed = [
      `server/src/modules/${serverB}/${serverB}.service.ts`,
      `server/src/modules/${serverB}/${serverB}.manifest.ts`,
    ];
    if (!allowed.includes(to))
      return `module '${serverA}' imports ${to}; use ${serverB}/${serverB}.service.ts or ${serverB}.manifest.ts`;
  }
  if ((from.startsWith('server/src/platform/') || from.startsWith('server/src/db/')) && to.startsWith('server/src/modules/')) {
    return `${from.split('/')[2]} layer imports the module file ${to}`;
  }
  const webA = moduleOf(from, 'web/src/modules/');
  const webB = moduleOf(to, 'web/src/modules/');
  if (webA && webB && webA !== webB && !/^web\/src\/modules\/[^/]+\/index\.tsx?$/.test(to)) {
    return `web module '${webA}' imports ${to}; use web/src/modules/${webB}/index`;
  }
  if (from.startsWith('web/src/components/') && to.startsWith('web/src/modules/')) {
    return `shared component imports the module file ${to}`;
  }
  if (
    from.startsWith('web/src/app/') &&
    to.startsWith('web/src/modules/') &&
    !/^web\/src\/modules\/(index|types)\.tsx?$/.test(to)
  ) {
    return `app shell imports ${to}; only web/src/modules/index and web/src/modules/types`;
  }
  return null;
}

/** Elementary cycles that together use every edge of every strongly connected component (each once, shortest first). */
function findCycles(files, edges) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const sccs = [];
  let next = 0;
  // iterative Tarjan: a deep chain of imports must not hit the call stack limit
  for (const start of files) {
    if (index.has(start)) continue;
    const work = [[start, 0]];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const [v, i] = top;
      const outs = edges.get(v) ?? [];
      if (i < outs.length) {
        top[1]++;
        const w = outs[i].to;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(v)));
      }
      if (low.get(v) === index.get(v)) {
        const scc = [];
        let w;
        do {
          w = stack.pop();
          onStack.delete(w);
          scc.push(w);
        } while (w !== v);
        const selfLoop = (edges.get(v) ?? []).some((e) => e.to === v);
        if (scc.length > 1 || selfLoop) sccs.push(new Set(scc));
      }
    }
  }

  const cycles = [];
  for (const scc of sccs) {
    const covered = new Set();
    const inner = [...scc]
      .sort()
      .flatMap((v) => (edges.get(v) ?? []).filter((e) => scc.has(e.to)).map((e) => ({ from: v, ...e })));
    for (const e of inner) {
      if (covered.has(`${e.from}\0${e.to}`)) continue;
      // shortest way back from the edge's target to its source, within the component
      const prev = new Map([[e.to, null]]);
      const queue = [e.to];
      while (queue.length && !prev.has(e.from)) {
        const v = queue.shift();
        for (const f of edges.get(v) ?? []) {
          if (scc.has(f.to) && !prev.has(f.to)) {
            prev.set(f.to, { from: v, line: f.line });
            queue.push(f.to);
          }
        }
      }
      const chain = [{ file: e.from, line: e.line }];
      const back = [];
      for (let v = e.from; v !== e.to; v = prev.get(v).from) back.push({ file: prev.get(v).from, line: prev.get(v).line });
      chain.push(...back.reverse());
      for (let k = 0; k < chain.length; k++) covered.add(`${chain[k].file}\0${(chain[k + 1] ?? chain[0]).file}`);
      cycles.push(chain);
    }
  }
  return cycles;
}

/** `knownViolations` name this repository's files, so another tree (a test's fixture) is checked without them. */
export function checkBoundaries(root, knownViolations = []) {
  const files = [];
  for (const dir of SOURCE_DIRS) walk(root, dir, files);
  files.sort();
  const known = new Map(knownViolations.map((k) => [`${k.from}\0${k.to}`, k]));
  const usedKnown = new Set();
  const resolve = makeResolver(root, workspacePackages(root));
  const violations = [];
  const allowed = [];
  const edges = new Map();

  for (const from of files) {
    const outs = [];
    for (const imp of parseImports(fs.readFileSync(path.join(root, from), 'utf8'))) {
      const to = resolve(from, imp.spec);
      if (to === null) continue;
      if (to === undefined) {
        violations.push({ file: from, line: imp.line, message: `cannot resolve '${imp.spec}'` });
        continue;
      }
      const key = `${from}\0${to}`;
      const message = ruleViolation(from, to);
      if (message && known.has(key)) {
        usedKnown.add(key);
        allowed.push({ file: from, line: imp.line, message: `${message} [KNOWN_VIOLATIONS: ${known.get(key).reason}]` });
      } else if (message) violations.push({ file: from, line: imp.line, message });
      // allow-listed imports still count for cycles: an exception to a layer rule is no licence for a cycle
      if (!imp.dynamic && PARSED.test(to) && !outs.some((o) => o.to === to)) outs.push({ to, line: imp.line });
    }
    edges.set(from, outs);
  }

  const cycles = findCycles(files, edges).map((chain) => ({
    file: chain[0].file,
    line: chain[0].line,
    message: `import cycle: ${[...chain.map((c) => c.file), chain[0].file].join(' -> ')}`,
  }));
  const stale = knownViolations.filter((k) => !usedKnown.has(`${k.from}\0${k.to}`));
  return { files: files.length, violations, cycles, allowed, stale };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const listKnown = args.includes('--known');
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? repo);
  const r = checkBoundaries(root, root === repo ? KNOWN_VIOLATIONS : []);
  if (listKnown) for (const a of r.allowed) console.log(`${a.file}:${a.line}  allowed for now: ${a.message}`);
  else if (r.allowed.length)
    console.log(`boundaries: ${r.allowed.length} known violations allowed for now by KNOWN_VIOLATIONS (--known lists them)`);
  for (const s of r.stale)
    console.log(`scripts/check-boundaries.mjs  stale KNOWN_VIOLATIONS entry, remove it: ${s.from} -> ${s.to}`);
  for (const v of [...r.violations, ...r.cycles]) console.log(`${v.file}:${v.line}  ${v.message}`);
  console.log(`boundaries: ${r.files} files, ${r.violations.length} violations, ${r.cycles.length} cycles`);
  process.exit(r.violations.length || r.cycles.length ? 1 : 0);
}
