import type { WebModule } from './types';

/** Every business module's pages; adding a module is one line here. */
export const webModules: WebModule[] = [];
