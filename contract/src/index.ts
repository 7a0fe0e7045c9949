export * from './common';
export * from './roles';
export * from './regions';
export * from './auth';
export * from './users';
export * from './audit';
export * from './validate/index';
export * from './registry';
