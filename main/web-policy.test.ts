import { describe, expect, it } from 'vitest';
import { navigationAllowed, permissionAllowed, requestAllowed } from './web-policy';

describe('navigationAllowed', () => {
  it('allows the app itself', () => {
    expect(navigationAllowed('app://console/index.html')).toBe(true);
    expect(navigationAllowed('app://console/classes/class-0001')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://console@evil/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    '',
  ])('refuses %s', (url) => {
    expect(navigationAllowed(url)).toBe(false);
  });
});

describe('permissionAllowed', () => {
  it('grants media to the app origin only', () => {
    expect(permissionAllowed('media', 'app://console/index.html')).toBe(true);
    expect(permissionAllowed('media', 'app://console')).toBe(true);
    expect(permissionAllowed('media', 'https://example.com/')).toBe(false);
    expect(permissionAllowed('media', 'app://other/')).toBe(false);
    expect(permissionAllowed('media', undefined)).toBe(false);
  });

  it.each(['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi', 'hid', 'serial', 'display-capture', 'fullscreen'])(
    'denies %s even to the app',
    (permission) => {
      expect(permissionAllowed(permission, 'app://console/index.html')).toBe(false);
    },
  );
});

describe('requestAllowed', () => {
  it('allows the app, websockets to any broker, data and blob', () => {
    for (const url of ['app://console/assets/a.js', 'ws://127.0.0.1:41234/mqtt', 'wss://broker.example.com/mqtt', 'data:image/png;base64,AA==', 'blob:app://console/1234']) {
      expect(requestAllowed(url)).toBe(true);
    }
  });

  it('refuses remote and local content', () => {
    for (const url of ['https://cdn.example.com/lib.js', 'http://127.0.0.1:41234/api/info', 'file:///etc/passwd', 'ftp://example.com/x', 'app://evil/x.js', 'nonsense']) {
      expect(requestAllowed(url)).toBe(false);
    }
  });
});
