/* global require, module */
// Electron's install script downloads its binary with @electron/get and exits 1 when that fails, which fails
// `npm install` on every network that blocks the download (npm 10 runs every install script, and npm 11 runs
// Electron's because package.json "allowScripts" allows it). package.json "overrides" gives Electron this package
// instead: the real @electron/get in every respect, except that when the download cannot reach its server the
// script ends with success and says what that means. A checksum that does not match still fails the install.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS: Electron's install.js require()s this package
const upstream = require('electron-get-upstream');

/** got's errors for a request that did not get the file: no route, no DNS, refused, timed out, HTTP error status. */
const DOWNLOAD_ERRORS = new Set(['RequestError', 'HTTPError', 'TimeoutError', 'ReadError', 'MaxRedirectsError']);
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

function isDownloadFailure(error) {
  return Boolean(error) && (DOWNLOAD_ERRORS.has(error.name) || NETWORK_CODES.has(error.code));
}

async function downloadArtifact(options) {
  try {
    return await upstream.downloadArtifact(options);
  } catch (error) {
    if (!isDownloadFailure(error)) throw error;
    const reason = String((error && error.message) || error).split('\n')[0];
    console.error(
      `Electron could not be downloaded: ${reason}; npm start will serve the console to a browser; ` +
        'run `npm rebuild electron` when the network allows.',
    );
    // Electron's install.js has nothing to do without the file; ending here keeps `npm install` successful.
    process.exit(0);
  }
}

module.exports = { ...upstream, downloadArtifact, isDownloadFailure };
