// First: schemas built after this line parse without eval (see the file).
import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api';
// Before any feature's stylesheet: the tokens, and the shared classes a feature may refine.
import './styles/shared.css';
import { App } from './app';
import { applyLanguage } from './i18n/station-language';
import { AppProvider } from './store/provider';
import './styles.css';

// Until someone signs in, the screens speak the station's (the OS's) language.
applyLanguage(null);
const api = createApi();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppProvider api={api}>
      <App />
    </AppProvider>
  </StrictMode>,
);
