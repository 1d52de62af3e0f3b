/** The planner: header, map with its toolbar and legend, and the side panels. */
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/store';
import { Header } from './Header';
import { JobBar } from './JobBar';
import { Legend } from './Legend';
import { MapToolbar } from './MapToolbar';
import { MapView } from './MapView';
import { NoticeBar } from './NoticeBar';
import { PrintSummary } from './PrintSummary';
import { SidePanel } from './SidePanel';

export function App() {
  const { t } = useTranslation();
  const loaded = useApp((s) => s.scenario.id !== 'empty');
  return (
    <div className="app">
      <Header />
      <NoticeBar />
      <JobBar />
      <main className="workspace">
        <section className="map-pane" aria-label={t('map.label')}>
          <MapView />
          <MapToolbar />
          <Legend />
          <PrintSummary />
          {!loaded && (
            <div className="map-loading" role="status">
              {t('app.loading')}
            </div>
          )}
        </section>
        <SidePanel />
      </main>
    </div>
  );
}
