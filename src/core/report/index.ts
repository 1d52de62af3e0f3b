export * from './compliance-rows';
export * from './csv-text';
export * from './walking-minutes-colour';
