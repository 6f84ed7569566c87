import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { createApiClient } from './api/create-api-client.ts';
import './fonts/screen-fonts.ts';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(
  <StrictMode>
    <App api={createApiClient()} />
  </StrictMode>,
);
