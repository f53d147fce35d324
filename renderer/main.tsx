import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Bundled Noto Sans, so Kazakh letters (ә ғ қ ң ө ұ ү һ і, in cyrillic-ext) and Kazakh Latin (ä ğ ı ş, in
// latin-ext) render the same on every machine, without a font download.
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans/cyrillic-400.css';
import '@fontsource/noto-sans/cyrillic-700.css';
import '@fontsource/noto-sans/cyrillic-ext-400.css';
import '@fontsource/noto-sans/cyrillic-ext-700.css';
import './styles/base.css';
import './styles/dialog.css';
import { App } from './App.js';
import { SessionGate } from './features/session/SessionGate.js';
import { I18nProvider } from './i18n/i18n.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionGate>
        <App />
      </SessionGate>
    </I18nProvider>
  </StrictMode>,
);
