import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileOnly, type Dialect } from './database';
import { compileAllPrepared } from './prepared';

// The SQL of every prepared statement, per dialect, in files a review reads: a change to a hot
// statement shows as a diff there. Statements are found in the source, not listed by hand, and
// their modules imported, so a new one cannot be left out. Update with `npx vitest run -u`.
const SRC = path.resolve(import.meta.dirname, '..');
const CALL = /\bprepared(?:Query|Rows)\(/g;
const NAMED = /\bprepared(?:Query|Rows)\(\s*['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

const definedIn = sourceFiles(SRC)
  .filter((f) => f !== path.join(SRC, 'db', 'prepared.ts'))
  .map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return { file, calls: text.match(CALL)?.length ?? 0, names: [...text.matchAll(NAMED)].map((m) => m[1]!) };
  })
  .filter((f) => f.calls > 0);

function render(dialect: Dialect): string {
  const head = `-- Every prepared statement as ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} runs it (server/src/db/prepared-sql.unit.test.ts).\n`;
  const parts = compileAllPrepared(compileOnly(dialect)).map(
    (s) => `-- ${s.name}\n-- parameters: ${s.parameters.join(', ') || 'none'}\n${s.sql};\n`,
  );
  return [head, ...parts].join('\n');
}

describe('prepared statements', () => {
  it('are each defined under a literal name at a module’s top level, so all are registered on import', async () => {
    for (const f of definedIn) {
      expect(f.names, `${path.relative(SRC, f.file)}: every preparedQuery/preparedRows call has a literal name`).toHaveLength(
        f.calls,
      );
      await import(pathToFileURL(f.file).href);
    }
    const inSource = definedIn.flatMap((f) => f.names).sort();
    expect(inSource.length).toBeGreaterThan(10);
    expect(compileAllPrepared(compileOnly('sqlite')).map((s) => s.name)).toEqual(inSource);
  });

  it.each(['sqlite', 'postgres'] as const)('compile on %s to the SQL of the snapshot', async (dialect) => {
    for (const f of definedIn) await import(pathToFileURL(f.file).href);
    await expect(render(dialect)).toMatchFileSnapshot(`./__snapshots__/prepared.${dialect}.sql`);
  });
});
