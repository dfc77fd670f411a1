import { RuleTester } from 'eslint';
import { resolve } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import rule from './electron-confined.js';

RuleTester.describe = describe;
RuleTester.it = it;

const root = resolve(import.meta.dirname, '..');
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const options = [{ folder: 'main/electron', modules: ['electron', 'electron-updater'] }];
const file = (path: string) => resolve(root, path);

tester.run('electron-confined', rule, {
  valid: [
    { code: "import { app, BrowserWindow } from 'electron';", filename: file('main/electron/index.ts'), options },
    { code: "import type { Session } from 'electron';", filename: file('main/electron/harden.ts'), options },
    { code: "import { autoUpdater } from 'electron-updater';", filename: file('main/electron/updates/feed.ts'), options },
    { code: "import { BackendHost } from '../backend-host';", filename: file('main/electron/index.ts'), options },
    { code: "import { spawnBackendProcess } from './backend-process';", filename: file('main/electron/index.ts'), options },
    { code: "import { BackendHost } from './backend-host';", filename: file('main/index.ts'), options },
    { code: "import { isAppUrl } from '../app-origin';", filename: file('main/ipc/sender.ts'), options },
    { code: "import { readFile } from 'node:fs/promises';", filename: file('main/settings-store.ts'), options },
    { code: "import { z } from 'zod';", filename: file('main/ipc/dispatcher.ts'), options },
    // Names that only look alike, and a sibling folder that only starts alike.
    { code: "import { x } from 'electron-vite';", filename: file('main/build.ts'), options },
    { code: "import { x } from './electronics/x';", filename: file('main/x.ts'), options },
    { code: "import { x } from '../electron-free';", filename: file('main/ipc/x.ts'), options },
  ],
  invalid: [
    { code: "import { app } from 'electron';", filename: file('main/index.ts'), options, errors: [{ messageId: 'electron' }] },
    { code: "import type { Session } from 'electron';", filename: file('main/web-policy.ts'), options, errors: [{ messageId: 'electron' }] },
    { code: "import { type WebContents } from 'electron';", filename: file('main/ipc/sender.ts'), options, errors: [{ messageId: 'electron' }] },
    { code: "import { ipcMain } from 'electron/main';", filename: file('main/ipc/dispatcher.ts'), options, errors: [{ messageId: 'electron' }] },
    { code: "import { autoUpdater } from 'electron-updater';", filename: file('main/update-policy.ts'), options, errors: [{ messageId: 'electron' }] },
    { code: "export { app } from 'electron';", filename: file('main/app.ts'), options, errors: [{ messageId: 'electron' }] },
    { code: "export * from 'electron';", filename: file('main/app.ts'), options, errors: [{ messageId: 'electron' }] },
    { code: "const electron = await import('electron');", filename: file('main/lazy.ts'), options, errors: [{ messageId: 'electron' }] },
    { code: "const { app } = require('electron');", filename: file('main/old.ts'), options, errors: [{ messageId: 'electron' }] },
    { code: "import electron = require('electron');", filename: file('main/old.ts'), options, errors: [{ messageId: 'electron' }] },
    { code: "let w: import('electron').BrowserWindow;", filename: file('main/window-policy.ts'), options, errors: [{ messageId: 'electron' }] },
    // Reaching into the Electron folder brings Electron along.
    { code: "import { createConsoleWindow } from './electron/window';", filename: file('main/x.ts'), options, errors: [{ messageId: 'reachesIn' }] },
    { code: "import type { Thing } from '../electron/ipc';", filename: file('main/ipc/handlers.ts'), options, errors: [{ messageId: 'reachesIn' }] },
    { code: "export * from './electron';", filename: file('main/index.ts'), options, errors: [{ messageId: 'reachesIn' }] },
  ],
});
