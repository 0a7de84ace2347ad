import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import { pathToHashRoute } from './deep-link';

pathToHashRoute(window.location, window.history);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
