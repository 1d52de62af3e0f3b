/** Entry point of the residents' page (public.html): loads the published bundle beside it, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18n, { setLanguage } from '../ui/i18n/i18n';
import { loadPublished, PublishedLoadError } from './load-published';
import { PublicApp } from './PublicApp';
import { parseShareHash } from './share-hash';
import './public.css';
import { OFFLINE_SCRIPT_FILE } from '../core/publish/offline-script';

const root = createRoot(document.getElementById('root')!);
setLanguage(parseShareHash(window.location.hash).lang);
const status = document.getElementById('pub-status');
if (status) status.textContent = i18n.t('public.loading');

// Offline once loaded: the bundle's sw.js keeps its files (only a published bundle has one).
if (import.meta.env.PROD && 'serviceWorker' in navigator && window.location.protocol.startsWith('http'))
  navigator.serviceWorker.register(OFFLINE_SCRIPT_FILE).catch(() => {
    // No sw.js beside the page (opened from a plain build): the page works, only not offline.
  });

loadPublished(window.location.href).then(
  (data) => {
    root.render(
      <StrictMode>
        <PublicApp data={data} />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    const reason = error instanceof PublishedLoadError ? error.message : String(error);
    root.render(
      <p className="pub-warning" role="alert">
        {i18n.t('public.loadFailed', { reason })}
      </p>,
    );
  },
);
