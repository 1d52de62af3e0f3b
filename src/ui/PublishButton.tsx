/**
 * 发布 / Publish: the residents' page of this scenario as a zip (the page, the published scenario and
 * the street network) for any static web server. Needs a street network (the page draws walking
 * routes on it). The page's files come from the planner's own build; under the development server,
 * from a build of the page it makes on request (vite.config.ts).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { profileChoice } from '../store/scenario-profile';
import { appStore, dispatch, useApp } from '../store/store';
import { download } from './app/exports';
import { publishBundle } from './app/publish-bundle';
import { LONG_TASK_MS } from './app/runner';
import { useServices } from './context';

/** Where the built residents' page is: beside the planner, or where the development server builds it. */
const BUILT = import.meta.env.DEV ? '/__public-build/' : './';

async function fetchBuilt(path: string): Promise<Uint8Array> {
  const res = await fetch(new URL(BUILT + path, document.baseURI));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** A file name from the scenario's name: characters file systems refuse are replaced. */
const fileSafe = (name: string): string => name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || 'lifecircle';

export function PublishButton() {
  const { t } = useTranslation();
  const { runner } = useServices();
  const hasNetwork = useApp((s) => s.scenario.network !== null);
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    try {
      await runner.idle();
      const { scenario } = appStore.getState();
      const demo = scenario.id === 'demo' && scenario.synthetic;
      const name = demo ? t('app.demoName') : scenario.name;
      const data = await runner.exclusive(() =>
        runner.client.send(
          'publish/build',
          {
            name,
            estates: scenario.estates,
            facilities: scenario.facilities,
            ...profileChoice(scenario),
            overrides: scenario.overrides,
            publishedAt: new Date().toISOString(),
          },
          { timeoutMs: LONG_TASK_MS },
        ),
      );
      const zip = await publishBundle(data, fetchBuilt);
      const file = `${fileSafe(name)}-${t('publish.fileSuffix')}.zip`;
      download(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), file);
      dispatch({ type: 'results/notice', notice: { key: 'publish.done', detail: file } });
    } catch (e) {
      dispatch({
        type: 'results/notice',
        notice: { key: 'publish.failed', detail: e instanceof Error ? e.message : String(e) },
      });
    } finally {
      setBusy(false);
    }
  };
  const why = hasNetwork ? null : t('publish.needsNetwork');
  return (
    <button
      type="button"
      onClick={() => void publish()}
      disabled={busy || why !== null}
      aria-busy={busy}
      title={why ?? t('publish.hint')}
      data-testid="publish"
    >
      {busy ? t('publish.busy') : t('publish.label')}
    </button>
  );
}
