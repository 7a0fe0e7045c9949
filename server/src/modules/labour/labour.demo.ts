import type { DemoServices } from '../../platform/module';

export async function labourDemo(_s: DemoServices, log: (m: string) => void): Promise<void> {
  log('labour: (demo follows)');
}
