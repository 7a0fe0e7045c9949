import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDb, type TestApp } from '../../../test/helpers';
import { idCard, mobile } from '../../../test/people-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const secrets = {
  ids: [idCard('120119', '19850312', 501), idCard('110105', '19491231', 2)],
  phones: [mobile(501), mobile(502)],
};

async function allRows(): Promise<Record<string, string>> {
  const tables =
    testDb === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.core.db)).rows.map(
          (r) => r.name,
        )
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(t.core.db)
        ).rows.map((r) => r.name);
  const out: Record<string, string> = {};
  for (const name of tables) out[name] = JSON.stringify((await sql`select * from ${sql.table(name)}`.execute(t.core.db)).rows);
  return out;
}

describe('personal data at rest', () => {
  it('stores no clear ID number or phone in any table (nor in the SQLite file) after every kind of use', async () => {
    const grid = await t.userWith('grid-p', [{ role: 'grid', regionCode: t.regions.gridA }]);
    const town = await t.userWith('town-p', [{ role: 'town', regionCode: t.regions.townA }]);
    const staff = await t.userWith('staff-p', [{ role: 'checkpoint', regionCode: t.regions.townA }]);
    const admin = await t.login('admin');
    const ids: number[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await grid.post('/api/people', {
        name: `隐私${i}`,
        idType: 'id_card',
        idNumber: secrets.ids[i],
        phone: secrets.phones[i],
        regionCode: t.regions.gridA,
        address: '某小区',
        category: 'resident',
      });
      expect(r.statusCode).toBe(200);
      ids.push(r.json().id);
    }
    // a lower-case x or a +86 prefix is the same person
    await grid.patch(`/api/people/${ids[1]}`, { phone: '+86 ' + secrets.phones[1] });
    const pass = (await grid.post('/api/passes', { personId: ids[0], passClass: 'A' })).json().id;
    const cp = (
      await town.post('/api/checkpoints', { name: '东门', kind: 'community_gate', regionCode: t.regions.communityA })
    ).json().id;
    expect(
      (await staff.post('/api/passes/verify', { checkpointId: cp, direction: 'in', idNumber: secrets.ids[0] })).json().valid,
    ).toBe(true);
    await grid.get(`/api/people?q=${secrets.ids[1]}`);
    expect((await admin.post(`/api/people/${ids[0]}/reveal`, { field: 'idNumber', reason: '核实' })).json().value).toBe(
      secrets.ids[0],
    );
    expect((await admin.post(`/api/people/${ids[0]}/reveal`, { field: 'phone', reason: '联系本人' })).json().value).toBe(
      secrets.phones[0],
    );
    const a = await grid.post('/api/isolation/assessments', {
      personId: ids[1],
      originRegion: '某地',
      originRisk: 'high',
      travelHistory: [],
      healthCode: 'yellow',
      temperature: 37.9,
      contact: 'suspected',
      site: '集中隔离点',
    });
    expect(a.statusCode).toBe(200);
    await grid.post(`/api/isolations/${a.json().isolationId}/checkins`, { temperature: 38.2, symptoms: ['cough'] });
    expect(
      (await t.anonymous().post('/api/public/people/self', { idNumber: secrets.ids[0], phone: secrets.phones[0] })).statusCode,
    ).toBe(200);
    expect(pass).toBeGreaterThan(0);

    const rows = await allRows();
    expect(Object.keys(rows)).toEqual(
      expect.arrayContaining(['person', 'pass', 'pass_scan', 'audit_log', 'risk_assessment', 'isolation_checkin']),
    );
    for (const [table, text] of Object.entries(rows)) {
      for (const s of [...secrets.ids, ...secrets.phones]) expect(text.includes(s), `${s} in ${table}`).toBe(false);
    }
    // the health facts are not in the clear either
    expect(rows['risk_assessment']).not.toContain('某地');
    expect(rows['isolation_checkin']).not.toContain('38.2');

    if (testDb === 'sqlite') {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(t.core.db);
      const file = t.core.config.databaseUrl.slice('sqlite:'.length);
      const bytes = Buffer.concat([
        fs.readFileSync(file),
        fs.existsSync(file + '-wal') ? fs.readFileSync(file + '-wal') : Buffer.alloc(0),
      ]);
      for (const s of [...secrets.ids, ...secrets.phones])
        expect(bytes.includes(Buffer.from(s, 'utf8')), `${s} in the file`).toBe(false);
      // and the scan itself works: a value we did store in the clear is found
      expect(bytes.includes(Buffer.from('集中隔离点', 'utf8'))).toBe(true);
    }
  });
});
