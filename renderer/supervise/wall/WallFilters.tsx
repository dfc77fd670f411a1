import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROBLEM_TAGS, type TagId } from '../../../shared/tags/catalogue';
import { useClasses } from '../../state/classes';
import { useHealth } from '../state/stores';
import { resetQuery, setQuery, useSuperviseView } from '../state/view';
import { facets, type SeverityFilter, type SortKey } from './wallRows';

const SEVERITY_FILTERS: SeverityFilter[] = ['all', 'problems', 'critical', 'warning', 'ok'];
const SORT_KEYS: SortKey[] = ['severity', 'duration', 'title', 'teacher', 'region', 'appVersion'];
const DURATIONS_MIN = [0, 1, 5, 15];

type Facets = ReturnType<typeof facets>;

/** The regions and app versions there are now. */
const currentFacets = (): Facets => facets(useHealth.getState().byId, useClasses.getState().byId);
/**
 * How often at most the menus' values follow the classes while no menu is touched (a recount of 35,000 classes and
 * their summaries takes 15–20 ms); a menu about to open recounts at once.
 */
const FACETS_EVERY_MS = 10_000;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);
/** The facets now, or `before` itself when nothing changed (no render then). */
const recounted = (before: Facets): Facets => {
  const next = currentFacets();
  return sameList(before.regions, next.regions) && sameList(before.appVersions, next.appVersions) ? before : next;
};

/**
 * Every region and app version the wall can show, kept current: recounted at most every ten seconds while health and
 * summaries change (a transient subscription, not a render per batch), and at once when a menu is about to open.
 */
function useFacets(): [Facets, () => void] {
  const [current, setCurrent] = useState(currentFacets);
  const refresh = () => setCurrent(recounted);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const recount = () => {
      timer = null;
      setCurrent(recounted);
    };
    const schedule = () => {
      timer ??= setTimeout(recount, FACETS_EVERY_MS);
    };
    const stops = [useHealth.subscribe(schedule), useClasses.subscribe(schedule)];
    recount();
    return () => {
      for (const stop of stops) stop();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return [current, refresh];
}

/** Filters and sort of the wall: severity, tag, problem duration, teacher, region, app version, text. */
export function WallFilters() {
  const { t } = useTranslation();
  const query = useSuperviseView((s) => s.query);
  const [{ regions, appVersions }, refreshFacets] = useFacets();
  return (
    <div className="wall-filters" data-testid="wall-filters">
      <label>
        <span>{t('supervise.filter.text')}</span>
        <input type="search" data-testid="wall-filter-text" value={query.text} placeholder={t('supervise.filter.textPlaceholder')} onChange={(e) => setQuery({ text: e.target.value })} />
      </label>
      <label>
        <span>{t('supervise.filter.severity')}</span>
        <select data-testid="wall-filter-severity" value={query.severity} onChange={(e) => setQuery({ severity: e.target.value as SeverityFilter })}>
          {SEVERITY_FILTERS.map((value) => (
            <option key={value} value={value}>
              {t(`supervise.filter.severities.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('supervise.filter.tag')}</span>
        <select data-testid="wall-filter-tag" value={query.tag} onChange={(e) => setQuery({ tag: e.target.value as TagId | 'any' })}>
          <option value="any">{t('supervise.filter.anyTag')}</option>
          {PROBLEM_TAGS.map((tag) => (
            <option key={tag} value={tag}>
              {t(`supervise.tag.${tag}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('supervise.filter.duration')}</span>
        <select data-testid="wall-filter-duration" value={query.minDurationMs / 60_000} onChange={(e) => setQuery({ minDurationMs: Number(e.target.value) * 60_000 })}>
          {DURATIONS_MIN.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes === 0 ? t('supervise.filter.anyDuration') : t('supervise.filter.atLeast', { count: minutes })}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('supervise.filter.teacher')}</span>
        <input type="search" data-testid="wall-filter-teacher" value={query.teacher} onChange={(e) => setQuery({ teacher: e.target.value })} />
      </label>
      <label>
        <span>{t('supervise.filter.region')}</span>
        <select data-testid="wall-filter-region" value={query.region} onFocus={refreshFacets} onPointerDown={refreshFacets} onChange={(e) => setQuery({ region: e.target.value })}>
          <option value="">{t('supervise.filter.any')}</option>
          {withCurrent(regions, query.region).map((region) => (
            <option key={region} value={region}>
              {region}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('supervise.filter.version')}</span>
        <select data-testid="wall-filter-version" value={query.appVersion} onFocus={refreshFacets} onPointerDown={refreshFacets} onChange={(e) => setQuery({ appVersion: e.target.value })}>
          <option value="">{t('supervise.filter.any')}</option>
          {withCurrent(appVersions, query.appVersion).map((version) => (
            <option key={version} value={version}>
              {version}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('supervise.filter.sort')}</span>
        <select data-testid="wall-sort" value={query.sort} onChange={(e) => setQuery({ sort: e.target.value as SortKey })}>
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {t(`supervise.filter.sorts.${key}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" data-testid="wall-sort-reverse" checked={query.reverse} onChange={(e) => setQuery({ reverse: e.target.checked })} />
        <span>{t('supervise.filter.reverse')}</span>
      </label>
      <button type="button" className="ghost small" data-testid="wall-filter-reset" onClick={resetQuery}>
        {t('supervise.filter.reset')}
      </button>
    </div>
  );
}

/** The facet list, plus the chosen value when the rows it filters to are gone (so the select still shows it). */
function withCurrent(values: string[], current: string): string[] {
  return current && !values.includes(current) ? [...values, current] : values;
}
