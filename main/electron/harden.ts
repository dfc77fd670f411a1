import type { Session, WebContents } from 'electron';
import { navigationAllowed, permissionAllowed, requestAllowed } from '../web-policy';

/**
 * Session-wide guards: permissions (only media, only for the app), no device access, and no request to anything
 * but the app and the class brokers' websockets.
 */
export function hardenSession(session: Session, report: (problem: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = permissionAllowed(permission, details.requestingUrl);
    if (!granted) report(`denied permission "${permission}" to ${details.requestingUrl}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = requestAllowed(details.url);
    if (!allowed) report(`blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });
}

/** Per-page guards for every webContents the app ever creates: no popups, no navigation off the app, no webviews. */
export function hardenContents(contents: WebContents, report: (problem: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    report(`denied window.open(${url})`);
    return { action: 'deny' };
  });
  const guardNavigation = (event: { preventDefault(): void; url: string }) => {
    if (navigationAllowed(event.url)) return;
    event.preventDefault();
    report(`denied navigation to ${event.url}`);
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    report('denied a <webview>');
  });
}
