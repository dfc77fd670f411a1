export * from './element';
export * from './page';
export * from './sequence';
