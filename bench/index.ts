// `npm run bench -- <name>`: one benchmark by name; each prints JSON figures as its last line.
export {};

const benches: Record<string, () => Promise<unknown>> = {
  booking: async () => (await import('./booking')).run(),
  passes: async () => (await import('./passes')).run(),
  reports: async () => (await import('./reports')).run(),
  dashboard: async () => (await import('./dashboard')).run(),
};

const name = process.argv[2];
const bench = name ? benches[name] : undefined;
if (!bench) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
await bench();
process.exit(0);
