/** One verdict: status, required / provided / shortfall, and the clause it cites (document, line, quote). */
import { useTranslation } from 'react-i18next';
import type { Rule, Verdict } from '../../core';
import { useApp } from '../../store/store';
import { formatNumber, formatUnit, pickLang } from '../format';

export function Citation({ source }: { source: Verdict['source'] }) {
  const { t } = useTranslation();
  const where = [source.line ? t('verdict.line', { line: source.line }) : '', source.clause ?? '']
    .filter(Boolean)
    .join(' · ');
  return (
    <figure className="citation" data-testid="citation">
      <blockquote lang="zh">{source.quote}</blockquote>
      <figcaption>
        <span className="citation-doc">
          {source.title ? `${source.title} (${source.document})` : source.document}
        </span>
        {where && <span className="citation-where"> · {where}</span>}
        <span className={`badge badge-${source.confidence}`} title={t(`confidence.${source.confidence}Hint`)}>
          {t(`confidence.${source.confidence}`)}
        </span>
      </figcaption>
    </figure>
  );
}

export function VerdictCard({
  verdict,
  rule,
  derived,
}: {
  verdict: Verdict;
  rule: Rule | undefined;
  derived?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const unit = formatUnit(verdict.unit, lang);
  const n = (v: number | null) => (v === null ? '—' : `${formatNumber(v, lang, 1)} ${unit}`);
  const note = lang === 'zh' ? (verdict.noteZh ?? verdict.note) : verdict.note;
  return (
    <article className={`verdict verdict-${verdict.status}`} data-testid="verdict">
      <header>
        <span className={`badge badge-status-${verdict.status}`}>{t(`status.${verdict.status}`)}</span>
        <h4>{rule ? pickLang(rule.title, lang) : verdict.rule}</h4>
      </header>
      <dl className="figures">
        <div>
          <dt>{t('verdict.required')}</dt>
          <dd>{n(verdict.required)}</dd>
        </div>
        <div>
          <dt>{t('verdict.provided')}</dt>
          <dd>{n(verdict.provided)}</dd>
        </div>
        <div>
          <dt>{t('verdict.shortfall')}</dt>
          <dd className={verdict.shortfall ? 'shortfall' : ''}>{n(verdict.shortfall)}</dd>
        </div>
      </dl>
      {note && <p className="verdict-note">{note}</p>}
      {derived && <p className="verdict-note">{t('verdict.fromCoverage')}</p>}
      <Citation source={verdict.source} />
      <p className="rule-id">{verdict.rule}</p>
    </article>
  );
}
