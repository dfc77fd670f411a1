/**
 * The console's version, as its presence and help requests report it. The build injects package.json's "version"
 * (electron.vite.config.ts and vitest.config.ts define it); a renderer served by some other bundler says "dev".
 */
export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? 'dev';
