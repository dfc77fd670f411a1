/**
 * The console's version, as its presence reports it to the roster. The renderer may not import package.json (runtime
 * boundaries), so this follows package.json's "version" by hand.
 */
export const APP_VERSION = '0.1.0';
