/**
 * The proposal's figures in planners' words: covered before → after, how good it is ("no other choice
 * of k sites serves more than x % more"), the method, and what could not be used.
 */
import { useTranslation } from 'react-i18next';
import type { ProposalView } from '../../store/siting-types';
import { HIGHS_UNAVAILABLE } from '../../worker/protocol';
import { useApp } from '../../store/store';
import { formatNumber } from '../format';

/** Gaps below this (in %) count as proven optimal (the solver's own tolerance is far smaller). */
const PROVEN_PCT = 1e-6;

export function ProposalSummary({ proposal: p, final }: { proposal: ProposalView; final: boolean }) {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const n = (v: number | null | undefined, d = 0) => formatNumber(v, lang, d);
  const lscp = p.model === 'lscp';
  const gap =
    p.gapPct === null || p.bound === null
      ? t('siting.gapNone')
      : p.gapPct <= PROVEN_PCT
        ? t(lscp ? 'siting.gapProvenLscp' : 'siting.gapProven', { count: p.sites.length })
        : lscp
          ? t('siting.gapLscp', { bound: n(Math.ceil(p.bound)), count: p.sites.length })
          : t('siting.gap', { count: p.sites.length, pct: n(p.gapPct, 1) });
  return (
    <div data-testid="proposal-summary">
      <p className="big-figure small">
        <span>{t('siting.covered')}</span>
        <strong data-testid="proposal-before" data-value={p.coveredBefore}>
          {n(p.coveredBefore)}
        </strong>
        <span aria-hidden="true">→</span>
        <strong data-testid="proposal-after" data-value={p.coveredAfter}>
          {n(p.coveredAfter)}
        </strong>
        <span data-testid="proposal-unit" data-unit={p.unit}>
          {p.unit === 'weighted' ? '' : t('siting.unitDemand')}
        </span>
      </p>
      {p.weights.length > 1 && (
        <p data-testid="proposal-weights">
          {t('siting.weights', {
            list: p.weights.map((w) => `${t(`kinds.${w.kind}`)} × ${n(w.weight, 1)}`).join('，'),
          })}
        </p>
      )}
      {p.offNetworkCandidateIds.length > 0 && (
        <p className="hint warn" data-testid="proposal-off-network">
          {t('siting.offNetwork', { ids: p.offNetworkCandidateIds.join(', ') })}
        </p>
      )}
      <p data-testid="proposal-gap">{gap}</p>
      <p className="hint" data-testid="proposal-method" data-method={p.method}>
        {t('siting.method', {
          method: t(`siting.methods.${p.method}`, { defaultValue: p.method }),
          s: n(p.seconds.total, 2),
        })}
        {!final && ` ${t('siting.improving')}`}
      </p>
      <p className="hint">
        {t('siting.counts', {
          usable: n(p.candidates.usable),
          given: n(p.candidates.given),
          off: n(p.candidates.offNetwork),
          unreachable: n(p.demand.unreachable),
        })}
      </p>
      {[...p.errors, ...p.warnings].length > 0 && (
        <ul className="messages warn" role="alert">
          {[...p.errors, ...p.warnings].map((m) => (
            <li key={m}>{m.startsWith(HIGHS_UNAVAILABLE) ? t('siting.noHighs') : m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
