export * from './diagnostics';
export * from './estate';
export * from './facility';
export * from './network';
export * from './rule-profile';
export * from './verdict';
