/** The side panels: an estate's detail when one is selected, else the tabbed panels. */
import { useTranslation } from 'react-i18next';
import { dispatch, useApp } from '../store/store';
import type { PanelId } from '../store/types';
import { CompliancePanel } from './panels/CompliancePanel';
import { CoveragePanel } from './panels/CoveragePanel';
import { EstateDetail } from './panels/EstateDetail';
import { ImportPanel } from './panels/ImportPanel';
import { SettingsPanel } from './panels/SettingsPanel';
import { WhatIfPanel } from './panels/WhatIfPanel';
import { Tabs } from './Tabs';

const PANELS: PanelId[] = ['compliance', 'coverage', 'whatif', 'import', 'settings'];

export function SidePanel() {
  const { t } = useTranslation();
  const panel = useApp((s) => s.view.panel);
  const selected = useApp((s) => s.view.selected);
  const select = (id: PanelId) => {
    dispatch({ type: 'view/set', patch: { panel: id } });
    if (selected?.type === 'estate') dispatch({ type: 'view/select', selection: null });
  };
  return (
    <aside className="side" aria-label={t('panels.label')}>
      <Tabs
        label={t('panels.label')}
        tabs={PANELS.map((id) => ({ id, label: t(`panels.${id}`) }))}
        selected={panel}
        onSelect={select}
      />
      <div
        className="panel"
        role="tabpanel"
        id={`panel-${panel}`}
        aria-labelledby={`tab-${panel}`}
        tabIndex={0}
      >
        {selected?.type === 'estate' ? (
          <EstateDetail id={selected.id} />
        ) : panel === 'compliance' ? (
          <CompliancePanel />
        ) : panel === 'coverage' ? (
          <CoveragePanel />
        ) : panel === 'whatif' ? (
          <WhatIfPanel />
        ) : panel === 'import' ? (
          <ImportPanel />
        ) : (
          <SettingsPanel />
        )}
      </div>
    </aside>
  );
}
