export * from './compliance-rows';
export * from './csv-text';
export * from './json-chunks';
export * from './spreadsheet-safe';
export * from './walking-minutes-colour';
