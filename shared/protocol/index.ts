export * from './ids';
export * from './topics';
export * from './messages';
export * from './kinds';
export * from './codec';
export * from './acl';
export * from './rpc';
