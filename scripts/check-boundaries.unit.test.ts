import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// The checker is run as lint runs it, on a throwaway tree, so the exit code and the printed lines are what is tested.
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'check-boundaries.mjs');
const roots: string[] = [];

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'boundaries-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

function check(root: string) {
  const r = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  return { code: r.status, lines: r.stdout.trim().split('\n') };
}

const clean = {
  'server/src/modules/a/a.service.ts': "import { b } from '../b/b.service';\nexport const a = b;\n",
  'server/src/modules/b/b.service.ts': "import { bRepo } from './b.repo';\nexport const b = bRepo;\n",
  'server/src/modules/b/b.repo.ts': 'export const bRepo = 1;\n',
  'server/src/platform/errors.ts': 'export class AppError extends Error {}\n',
};

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('check-boundaries', () => {
  it('passes a tree that keeps the rules', () => {
    const root = tree({
      ...clean,
      // a test may reach into another module's files
      'server/src/modules/a/a.test.ts': "import { bRepo } from '../b/b.repo';\nconsole.log(bRepo);\n",
    });
    expect(check(root)).toEqual({ code: 0, lines: ['boundaries: 5 files, 0 violations, 0 cycles'] });
  });

  it("reports another module's repo, a platform file importing a module, a cycle of type imports and a web module's page", () => {
    const root = tree({
      ...clean,
      'server/src/modules/a/a.routes.ts':
        "import type { AppError } from '../../platform/errors';\nimport {\n  bRepo,\n} from '../b/b.repo';\n",
      'server/src/platform/audit.ts': "import type { b } from '../modules/b/b.service';\n",
      'server/src/x.ts': "import type { Y } from './y';\nexport type X = Y[];\n",
      'server/src/y.ts': "import { z } from './z';\nimport type { X } from './x';\nexport type Y = X | typeof z;\n",
      'server/src/z.ts': 'export const z = 1;\n',
      'web/src/modules/m/index.ts': "export { Page } from './Page';\n",
      'web/src/modules/m/Page.tsx': "import { Other } from '../n/Other';\nexport const Page = Other;\n",
      'web/src/modules/n/Other.tsx': 'export const Other = 1;\n',
    });
    expect(check(root)).toEqual({
      code: 1,
      lines: [
        "server/src/modules/a/a.routes.ts:2  module 'a' imports server/src/modules/b/b.repo.ts; use b/b.service.ts or b.manifest.ts",
        'server/src/platform/audit.ts:1  platform layer imports the module file server/src/modules/b/b.service.ts',
        "web/src/modules/m/Page.tsx:1  web module 'm' imports web/src/modules/n/Other.tsx; use web/src/modules/n/index",
        'server/src/x.ts:1  import cycle: server/src/x.ts -> server/src/y.ts -> server/src/x.ts',
        'boundaries: 12 files, 3 violations, 1 cycles',
      ],
    });
  });
});
