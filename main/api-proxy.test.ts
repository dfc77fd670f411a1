import { describe, expect, it } from 'vitest';
import { apiProxyTarget } from './api-proxy';

describe('apiProxyTarget', () => {
  const backend = 'http://127.0.0.1:41234';

  it('forwards app://console/api/... to the backend, with the query', () => {
    expect(apiProxyTarget('app://console/api/classes/class-0001/assets/a1?x=1', backend)).toBe(
      'http://127.0.0.1:41234/api/classes/class-0001/assets/a1?x=1',
    );
  });

  it('leaves app files and other schemes alone', () => {
    expect(apiProxyTarget('app://console/index.html', backend)).toBeNull();
    expect(apiProxyTarget('app://console/apis', backend)).toBeNull();
    expect(apiProxyTarget('https://console/api/x', backend)).toBeNull();
    expect(apiProxyTarget('not a url', backend)).toBeNull();
  });

  it('cannot be steered out of /api/ or to another host', () => {
    expect(apiProxyTarget('app://console/api/../../etc/passwd', backend)).toBeNull();
    expect(apiProxyTarget('app://console/api/%2e%2e/secret', backend)).toBeNull();
    expect(apiProxyTarget('app://console/api//evil.example.com/x', backend)).toBe('http://127.0.0.1:41234/api//evil.example.com/x');
  });
});
