import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../app-origin';

/**
 * The console window. The security-relevant preferences are spelled out here, in the constructor call itself, so a
 * reader (and Electronegativity) can see them at a glance; most are Electron's defaults, restated on purpose.
 */
export function createConsoleWindow(preloadPath: string, title: string): BrowserWindow {
  const window = new BrowserWindow({
    title,
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would otherwise ask to open links in a new window; nothing in the console needs it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
