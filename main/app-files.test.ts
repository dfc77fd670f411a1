import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from './app-files';

const root = resolve('/srv/console/renderer');

describe('resolveAppFile', () => {
  it('serves index.html for the bare origin and for /', () => {
    for (const url of ['app://console', 'app://console/']) {
      const file = resolveAppFile(url, root);
      expect(file).toMatchObject({ ok: true, path: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    }
  });

  it('maps nested assets with their content type', () => {
    expect(resolveAppFile('app://console/assets/index-abc.js?v=1#x', root)).toEqual({
      ok: true,
      path: join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
      route: false,
    });
    expect(resolveAppFile('app://console/assets/worker.wasm', root)).toMatchObject({ contentType: 'application/wasm' });
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppFile('app://console/fonts/My%20Font.woff2', root)).toMatchObject({ ok: true, path: join(root, 'fonts', 'My Font.woff2') });
  });

  it('marks extension-less paths as routes for the SPA fallback', () => {
    expect(resolveAppFile('app://console/classes/class-0001', root)).toMatchObject({ ok: true, route: true });
  });

  it.each([
    'app://console/assets/..%2f..%2fsecret.txt',
    'app://console/assets/..%5c..%5csecret.txt',
    'app://console/a%00.js',
    'app://console/C:%5cWindows%5cwin.ini',
    'app://console/assets/%2fetc%2fpasswd',
  ])('refuses traversal: %s', (url) => {
    expect(resolveAppFile(url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it.each(['app://console/../../../../etc/passwd', 'app://console/%2e%2e/%2e%2e/etc/passwd', 'app://console/a/./../../b.js'])(
    'keeps dot segments the URL parser folds inside the root: %s',
    (url) => {
      const file = resolveAppFile(url, root);
      expect(file.ok).toBe(true);
      if (file.ok) expect(file.path.startsWith(root + sep)).toBe(true);
    },
  );

  it('refuses other hosts, schemes and credentials', () => {
    for (const url of ['app://other/index.html', 'file:///etc/passwd', 'https://console/index.html', 'app://user:pw@console/index.html', 'not a url']) {
      expect(resolveAppFile(url, root)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('rejects malformed percent-encoding with 400', () => {
    expect(resolveAppFile('app://console/%E0%A4%A.js', root)).toMatchObject({ ok: false, status: 400 });
  });
});
