/** Entry point of the residents' page (public.html): loads the published bundle beside it, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18n, { setLanguage } from '../ui/i18n/i18n';
import { loadPublished, PublishedLoadError } from './load-published';
import { PublicApp } from './PublicApp';
import { parseShareHash } from './share-hash';
import './public.css';

const root = createRoot(document.getElementById('root')!);
setLanguage(parseShareHash(window.location.hash).lang);
const status = document.getElementById('pub-status');
if (status) status.textContent = i18n.t('public.loading');

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
