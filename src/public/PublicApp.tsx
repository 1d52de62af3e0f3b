/**
 * The residents' page: find a compound (name or pinyin initials), tap the map or use the device's
 * location, and see the nearest elderly-care and childcare facility by walking time, with the route
 * along the streets and everything within 5/10/15 minutes. Read-only: it only reads the published
 * bundle it was loaded with, and asks nothing of any server after that.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareCategory } from '../core/model/facility';
import { nearestServices, type NearestServices } from '../core/publish/nearest-services';
import type { PublishedFacility } from '../core/publish/published-scenario';
import { searchCompounds } from '../core/publish/search-compounds';
import { PublicMap, ROUTE_COLOURS } from '../map/public-map';
import { testHooksRequested } from '../ui/app/debug';
import i18n, { setLanguage } from '../ui/i18n/i18n';
import type { PublishedData } from './load-published';
import { parseShareHash, shareHash, type Place } from './share-hash';

/** How far the nearest facility is looked for: beyond an hour's walk a resident is told there is none near. */
const ROUTE_MINUTES = 60;
const CATEGORIES: CareCategory[] = ['elderly', 'childcare'];

interface Origin {
  place: Place;
  lngLat: [number, number];
  /** Compound name, or null for a point on the map / the device's location. */
  label: string | null;
  mine?: boolean;
}

const wholeMinutes = (m: number): number => Math.max(1, Math.round(m));

function originFor(data: PublishedData, place: Place | null): Origin | null {
  if (!place) return null;
  if (place.type === 'point') return { place, lngLat: place.lngLat, label: null };
  const c = data.scenario.compounds.find((x) => x.id === place.id);
  return c ? { place, lngLat: [c.lng, c.lat], label: c.name } : null;
}

export function PublicApp({ data }: { data: PublishedData }) {
  const { t } = useTranslation();
  const { scenario } = data;
  const initial = useMemo(() => parseShareHash(window.location.hash), []);
  const [lang, setLang] = useState(initial.lang);
  const [elderly, setElderly] = useState(initial.elderly);
  const [origin, setOrigin] = useState<Origin | null>(() => originFor(data, initial.place));
  const [query, setQuery] = useState('');
  const [locating, setLocating] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const mapRef = useRef<HTMLDivElement>(null);
  const map = useRef<PublicMap | null>(null);
  const resultsRef = useRef<HTMLElement>(null);
  const askedAt = useRef(performance.now());

  const speed = elderly ? scenario.walkingSpeed.elderly : scenario.walkingSpeed.default;
  const answer: NearestServices | null = useMemo(
    () =>
      origin
        ? nearestServices(data.network, data.services, origin.lngLat, {
            speedMps: speed,
            withinMinutes: scenario.withinMinutes,
            routeMinutes: ROUTE_MINUTES,
            maxSnapM: scenario.maxSnapM,
            scratch: data.scratch,
          })
        : null,
    [data, origin, speed, scenario],
  );
  const hits = useMemo(() => searchCompounds(scenario.compounds, query, 8), [scenario, query]);

  const choose = (next: Origin) => {
    askedAt.current = performance.now();
    setOrigin(next);
  };

  useEffect(() => {
    setLanguage(lang);
    map.current?.relabel();
  }, [lang]);

  useEffect(() => {
    const hash = shareHash({ place: origin?.place ?? null, elderly, lang });
    window.history.replaceState(null, '', hash || window.location.pathname + window.location.search);
  }, [origin, elderly, lang]);

  useEffect(() => {
    if (!mapRef.current) return;
    const m = new PublicMap(mapRef.current, {
      bounds: scenario.bounds,
      lang: initial.lang,
      streets: data.streets,
      compounds: scenario.compounds,
      facilities: scenario.facilities,
      onPick: (lngLat) => {
        askedAt.current = performance.now();
        setOrigin({ place: { type: 'point', lngLat }, lngLat, label: null });
      },
      streetsHint: () => i18n.t('map.streetsHint'),
    });
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, [data, scenario, initial.lang]);

  useEffect(() => {
    const routes = CATEGORIES.flatMap((category) => {
      const n = answer?.nearest[category];
      return n ? [{ category, path: n.route.path }] : [];
    });
    const nearest = CATEGORIES.flatMap((c) => (answer?.nearest[c] ? [answer.nearest[c].index] : []));
    void map.current?.show(origin?.lngLat ?? null, routes, nearest);
    // Time from the question (a search choice, a tap) to its answer on the page.
    const ms = performance.now() - askedAt.current;
    if (resultsRef.current && answer) resultsRef.current.dataset.answerMs = ms.toFixed(1);
    if (testHooksRequested())
      (window as unknown as { __lifecirclePublic: unknown }).__lifecirclePublic = {
        answer,
        answerMs: ms,
        drawnRoutes: () => map.current?.drawnRoutes() ?? 0,
      };
  }, [answer, origin]);

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    const first = hits[0];
    if (first) pickCompound(first.compound.id);
  };
  const pickCompound = (id: string) => {
    const next = originFor(data, { type: 'compound', id });
    if (next) {
      choose(next);
      setQuery('');
    }
  };
  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocating(t('public.locateUnsupported'));
      return;
    }
    setLocating(t('public.locating'));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(null);
        const lngLat: [number, number] = [pos.coords.longitude, pos.coords.latitude];
        choose({ place: { type: 'point', lngLat }, lngLat, label: null, mine: true });
      },
      (err) => setLocating(t('public.locateFailed', { reason: err.message })),
      { enableHighAccuracy: true, timeout: 15000 },
    );
  };
  const share = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };

  const nf = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 0 });
  const facilityLine = (f: PublishedFacility) =>
    `${t(`kinds.${f.kind}`)} · ${t(`public.placesFree.${f.placesFree}`)}`;
  const placeName = origin
    ? (origin.label ?? (origin.mine ? t('public.myLocation') : t('public.pointOnMap')))
    : '';
  const maxMinutes = Math.max(...scenario.withinMinutes);
  const groups = scenario.withinMinutes.map((min, g) => ({
    min,
    items: (answer?.within ?? []).filter(
      (w) => w.minutes <= min && (g === 0 || w.minutes > scenario.withinMinutes[g - 1]!),
    ),
  }));

  return (
    <div className="pub">
      <a className="pub-skip" href="#pub-results">
        {t('public.skipToResults')}
      </a>
      <header className="pub-header">
        <div>
          <h1>{t('public.title')}</h1>
          <p>{t('public.subtitle', { name: scenario.name })}</p>
        </div>
        <button
          type="button"
          className="pub-lang"
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('public.language')}
        </button>
      </header>
      <section className="pub-controls">
        <form role="search" onSubmit={onSearch}>
          <label htmlFor="pub-search">{t('public.searchLabel')}</label>
          <input
            id="pub-search"
            type="search"
            autoComplete="off"
            value={query}
            placeholder={t('public.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
            aria-controls="pub-hits"
          />
        </form>
        {query.trim() && (
          <ul id="pub-hits" className="pub-hits" data-testid="search-hits">
            {hits.length === 0 && <li className="pub-muted">{t('public.noMatch', { q: query.trim() })}</li>}
            {hits.map((h) => (
              <li key={h.compound.id}>
                <button type="button" onClick={() => pickCompound(h.compound.id)}>
                  <span>{h.compound.name}</span>
                  {h.compound.district && <small>{h.compound.district}</small>}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="pub-row">
          <button type="button" className="pub-button" onClick={locate}>
            {t('public.locate')}
          </button>
          <span className="pub-muted">{t('public.tapHint')}</span>
        </div>
        {locating && (
          <p className="pub-muted" role="status">
            {locating}
          </p>
        )}
        <fieldset className="pub-speed">
          <legend>{t('public.speed')}</legend>
          <label>
            <input type="radio" name="speed" checked={!elderly} onChange={() => setElderly(false)} />
            {t('public.speedDefault', { v: scenario.walkingSpeed.default })}
          </label>
          <label>
            <input type="radio" name="speed" checked={elderly} onChange={() => setElderly(true)} />
            {t('public.speedElderly', { v: scenario.walkingSpeed.elderly })}
          </label>
        </fieldset>
      </section>
      <div className="pub-map" ref={mapRef} data-testid="public-map" />
      <section id="pub-results" className="pub-results" ref={resultsRef} aria-live="polite" tabIndex={-1}>
        <h2 className="pub-visually-hidden">{t('public.results')}</h2>
        {origin && <p className="pub-from">{t('public.from', { place: placeName })}</p>}
        {answer?.offNetwork && (
          <p className="pub-warning">{t('public.offNetwork', { m: scenario.maxSnapM })}</p>
        )}
        {answer && !answer.offNetwork && (
          <>
            {CATEGORIES.map((category) => {
              const n = answer.nearest[category];
              const f = n ? scenario.facilities[n.index]! : null;
              return (
                <article
                  key={category}
                  className={`pub-card pub-${category}`}
                  data-testid={`nearest-${category}`}
                >
                  <h3>{t(`public.nearest.${category}`)}</h3>
                  {n && f ? (
                    <>
                      <p className="pub-name">{f.name}</p>
                      <p>{facilityLine(f)}</p>
                      <p className="pub-walk" data-distance-m={n.distanceM.toFixed(3)}>
                        {t('public.walk', { min: wholeMinutes(n.minutes), m: nf.format(n.distanceM) })}
                      </p>
                    </>
                  ) : (
                    <p className="pub-muted">{t('public.none', { min: ROUTE_MINUTES })}</p>
                  )}
                </article>
              );
            })}
            <ul className="pub-legend" aria-label={t('public.routeLegend')}>
              <li>
                <span className="pub-swatch pub-swatch-origin" />
                {t('public.legendOrigin')}
              </li>
              {CATEGORIES.map((c) => (
                <li key={c}>
                  <span className="pub-swatch pub-swatch-route" style={{ background: ROUTE_COLOURS[c] }} />
                  {t(`public.legendRoute.${c}`)}
                </li>
              ))}
            </ul>
            <h3>{t('public.withinTitle')}</h3>
            {answer.within.length === 0 && (
              <p className="pub-muted">{t('public.withinNone', { min: maxMinutes })}</p>
            )}
            {groups.map(
              (g) =>
                g.items.length > 0 && (
                  <div key={g.min} className="pub-group" data-testid={`within-${g.min}`}>
                    <h4>{t('public.within', { min: g.min })}</h4>
                    <ul>
                      {g.items.map((w) => {
                        const f = scenario.facilities[w.index]!;
                        return (
                          <li key={f.id}>
                            <span className="pub-name">{f.name}</span>
                            <small>
                              {facilityLine(f)} ·{' '}
                              {t('public.walk', { min: wholeMinutes(w.minutes), m: nf.format(w.distanceM) })}
                            </small>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ),
            )}
            <p className="pub-note">{t('public.estimateNote')}</p>
            <button type="button" className="pub-button" onClick={() => void share()}>
              {copied ? t('public.copied') : t('public.share')}
            </button>
          </>
        )}
      </section>
      <footer className="pub-footer">
        {t('public.published', {
          date: scenario.publishedAt.slice(0, 10),
          profile: scenario.profile.name[lang],
        })}
      </footer>
    </div>
  );
}
