import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { followLanguage, startingLanguage, storedLanguage } from './preferences/language';
import { startTheme } from './preferences/theme';
import './styles.css';

followLanguage(initI18n(startingLanguage(storedLanguage(), navigator.language)));
startTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
