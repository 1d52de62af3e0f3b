export * from './convert-china';
