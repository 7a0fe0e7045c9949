export * from './uscc';
export * from './id-card';
export * from './phone';
