export * from './compliance-rows';
export * from './csv-text';
