import type { DemoServices } from '../../platform/module';
export async function financeDemo(_s: DemoServices, _log: (m: string) => void): Promise<void> {}
