export * from './compliance-rows';
export * from './csv-text';
export * from './walking-minutes-colour';
export * from './compliance-wide-rows';
export * from './profile-header-rows';
export * from './csv-lines';
