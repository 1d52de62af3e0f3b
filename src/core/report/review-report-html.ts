import { FACILITY_KINDS } from '../model/facility';
import { VERDICT_LABELS } from './compliance-rows';
import { escapeHtml as esc } from './html-escape';
import { reviewReportCss } from './review-report-css';
import { CONCLUSION_WORDS, KIND_WORDS, REPORT_WORDS, reportUnit } from './report-words';
import type { ReportEstate, ReportRuleRow, ReviewReport } from './review-report-types';

/**
 * The review report as one self-contained HTML document (inline CSS and SVG, no script, no request):
 * a cover page with the profile, its version, the parameters and the conclusions of all estates, then
 * per estate a page of facts, rules and walking access, and a page with its map. Prints on A4 with
 * page numbers; every string from the data is escaped.
 * @param report the report (buildReviewReport)
 * @returns the HTML text
 * @example writeFileSync('report.html', reviewReportHtml(buildReviewReport(input)))
 */
export function reviewReportHtml(report: ReviewReport): string {
  const { lang } = report;
  const w = REPORT_WORDS[lang];
  const num = number(lang);
  const pageLabel =
    lang === 'zh'
      ? `"第 " counter(page) " 页，共 " counter(pages) " 页"`
      : `"Page " counter(page) " of " counter(pages)`;
  const p = report.parameters;
  const minutes = FACILITY_KINDS.filter((k) => p.serviceMinutes[k] !== undefined)
    .map((k) => `${KIND_WORDS[lang][k]} ${num(p.serviceMinutes[k]!)} ${w.minutesUnit}`)
    .join('；');
  const profile = report.profile;
  const cover = `
<header class="cover">
<h1>${esc(w.title)}</h1>
<table class="meta"><tbody>
${report.subject ? row(w.subject, esc(report.subject)) : ''}
${row(w.date, esc(report.date))}
${row(w.profile, `${esc(profile.name)} <span class="ref">(${esc(profile.id)}${profile.userProfile ? `，${esc(w.userProfile)}` : ''})</span>`)}
${row(w.jurisdiction, esc(profile.jurisdiction))}
${row(w.version, `<span data-field="profile-version">${esc(profile.version)}</span>`)}
${row(`${w.parameters}：${w.personsPerHousehold}`, `<span data-field="persons-per-household">${num(p.personsPerHousehold)}</span> ${lang === 'zh' ? '人/户' : 'persons'}`)}
${row(`${w.parameters}：${w.walkingSpeed}`, `<span data-field="walking-speed">${num(p.walkingSpeed)}</span> m/s`)}
${row(`${w.parameters}：${w.serviceMinutes}`, esc(minutes))}
${report.mode ? row(w.coverage, esc(report.mode === 'network' ? w.modeNetwork : w.modeStraight)) : ''}
</tbody></table>
<h3>${esc(w.summary)}</h3>
<p class="totals">${esc(w.estates)} ${report.estates.length}：${(
    ['compliant', 'non-compliant', 'incomplete'] as const
  )
    .map(
      (c) =>
        `<span class="c-${c}">${esc(CONCLUSION_WORDS[lang][c])} <span data-total="${c}">${report.totals[c]}</span></span>`,
    )
    .join('，')}</p>
<table class="summary"><thead><tr><th>${esc(w.id)}</th><th>${esc(w.name)}</th><th>${esc(w.district)}</th><th>${esc(w.households)}</th><th>${esc(w.conclusion)}</th><th>${esc(w.failing)} / ${esc(w.missing)}</th></tr></thead><tbody>
${report.estates.map((e) => `<tr data-estate="${esc(e.id)}"><td>${esc(e.id)}</td><td>${esc(e.name)}</td><td>${esc(e.district ?? '—')}</td><td class="num">${num(e.households)}</td><td class="conclusion c-${e.conclusion}">${esc(CONCLUSION_WORDS[lang][e.conclusion])}</td><td>${esc([...e.failing, ...e.missing].join('；') || w.none)}</td></tr>`).join('\n')}
</tbody></table>
${
  report.rejected.length === 0
    ? ''
    : `<h3>${esc(w.rejected)} (${report.rejected.length})</h3><ul class="rejected">${report.rejected.map((r) => `<li>${esc(r.message)}</li>`).join('')}</ul>`
}
</header>`;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>${esc(w.title)}${report.subject ? ` — ${esc(report.subject)}` : ''}</title>
<style>${reviewReportCss(pageLabel)}</style></head>
<body>${cover}
${report.estates.map((e) => estateSection(e, report)).join('\n')}
</body></html>
`;
}

function row(label: string, valueHtml: string): string {
  return `<tr><th scope="row">${esc(label)}</th><td>${valueHtml}</td></tr>`;
}

/** Numbers as a Chinese or English reader writes them, at most two decimals; null gives “—”. */
function number(lang: 'zh' | 'en'): (v: number | null) => string {
  const f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
  return (v) => (v === null || !Number.isFinite(v) ? '—' : f.format(v));
}

function estateSection(e: ReportEstate, report: ReviewReport): string {
  const { lang } = report;
  const w = REPORT_WORDS[lang];
  const num = number(lang);
  const residents =
    e.residents === null
      ? '—'
      : `${num(e.residents)} <span class="note">(${esc(
          e.residentsDerived
            ? w.residentsDerived(num(e.households), num(report.parameters.personsPerHousehold))
            : w.residentsGiven,
        )})</span>`;
  const status = e.status
    ? `${esc(w.estateStatus[e.status])}${e.statusDefaulted ? `<span class="note">${esc(w.statusDefaulted)}</span>` : ''}`
    : esc(w.statusUnknown);
  const facts = `<dl class="facts">
<dt>${esc(w.name)}</dt><dd>${esc(e.name)}</dd><dt>${esc(w.id)}</dt><dd>${esc(e.id)}</dd>
<dt>${esc(w.district)}</dt><dd>${esc(e.district ?? '—')}</dd><dt>${esc(w.status)}</dt><dd>${status}</dd>
<dt>${esc(w.households)}</dt><dd data-field="households">${num(e.households)}</dd><dt>${esc(w.residents)}</dt><dd data-field="residents">${residents}</dd>
</dl>`;
  // One row group per rule (figures, then the clause quoted), kept together on a page.
  const rules = `<table class="rules"><colgroup><col class="c-rule"/><col/><col/><col/><col/><col/></colgroup><thead><tr><th>${esc(w.rule)}</th><th>${esc(w.verdict)}</th><th>${esc(w.required)}</th><th>${esc(w.provided)}</th><th>${esc(w.shortfall)}</th><th>${esc(w.unit)}</th></tr></thead>
${e.rules.map((r) => ruleRows(r, report)).join('\n')}
</table>`;
  const reach =
    e.reach.length === 0
      ? `<p class="note">${esc(w.noCoverage)}</p>`
      : `<table class="reach"><thead><tr><th>${esc(w.kind)}</th><th>${esc(w.limit)}</th><th>${esc(w.nearest)}</th><th>${esc(w.minutes)}</th><th>${esc(w.distance)}</th><th>${esc(w.covered)}</th></tr></thead><tbody>
${e.reach
  .map(
    (r) =>
      `<tr data-kind="${r.kind}"><td>${esc(KIND_WORDS[lang][r.kind])}</td><td class="num">${num(r.limitMinutes)} ${esc(w.minutesUnit)}</td><td>${esc(r.offNetwork ? w.offNetwork : (r.nearestFacility ?? w.unreachable))}</td><td class="num">${r.minutes === null ? '—' : `${num(Math.round(r.minutes * 10) / 10)} ${esc(w.minutesUnit)}`}</td><td class="num">${r.distanceM === null ? '—' : `${num(Math.round(r.distanceM))} ${esc(w.metres)}`}</td><td>${esc(r.offNetwork ? '—' : r.covered ? w.yes : w.no)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
  const conclusion = `<div class="box" data-field="conclusion"><strong>${esc(w.conclusion)}：<span class="conclusion c-${e.conclusion}">${esc(CONCLUSION_WORDS[lang][e.conclusion])}</span></strong>
<div>${esc(w.failing)}：${esc(e.failing.join('；') || w.none)}</div>
<div>${esc(w.missing)}：${esc(e.missing.join('；') || w.none)}</div></div>`;
  const mode =
    report.mode === 'straight-line'
      ? `<span class="mode-straight">${esc(w.modeStraight)}</span>`
      : esc(w.modeNetwork);
  const map = e.mapSvg
    ? `<section class="estate-map" data-estate="${esc(e.id)}"><h3>${esc(w.map)} — ${esc(e.name)}</h3><figure>${e.mapSvg}<figcaption>${mode}</figcaption></figure></section>`
    : '';
  return `<section class="estate" data-estate="${esc(e.id)}">
<h2><span>${esc(w.estate)}：${esc(e.name)}</span><span class="conclusion c-${e.conclusion}">${esc(CONCLUSION_WORDS[lang][e.conclusion])}</span></h2>
<h3>${esc(w.facts)}</h3>${facts}
${conclusion}
<h3>${esc(w.rules)}</h3>${rules}
<h3>${esc(w.coverage)}</h3>${reach}${e.mapSvg ? '' : `<p class="note">${esc(w.noLocation)}</p>`}
</section>${map}`;
}

function ruleRows(r: ReportRuleRow, report: ReviewReport): string {
  const { lang } = report;
  const w = REPORT_WORDS[lang];
  const num = number(lang);
  const c = r.citation;
  const trust =
    c.confidence === 'verified'
      ? ''
      : ` <span class="badge s-insufficient-data">${esc(w.unverified[c.confidence])}</span>`;
  return `<tbody class="rule ${r.status}" data-rule="${esc(r.rule)}"><tr><td>${esc(r.title)} <span class="ref">${esc(r.rule)}</span>${r.note ? `<div class="note">${esc(r.note)}</div>` : ''}</td>
<td class="verdict s-${r.status}">${esc(VERDICT_LABELS[lang][r.status])}</td><td class="num">${num(r.required)}</td><td class="num">${num(r.provided)}</td><td class="num">${num(r.shortfall)}</td><td>${esc(reportUnit(r.unit, lang))}</td></tr>
<tr class="cite"><td colspan="6" class="citation">${esc(w.source)}：《${esc(c.title)}》${c.where ? ` ${esc(c.where)}` : ''}${trust} <span class="ref">(${esc(c.document)})</span><blockquote>${esc(c.quote)}</blockquote></td></tr></tbody>`;
}
