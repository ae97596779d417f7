/** The view lives in the URL (selected unit, language, date), so a link reopens the same view. */
import type { Lang } from './api';

export interface ViewState {
  unit: string | null;
  lang: Lang;
  date: string | null;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function readState(location: Location = window.location): ViewState {
  const params = new URLSearchParams(location.search);
  const unit = params.get('unit');
  const date = params.get('date');
  return {
    unit: unit && KEY.test(unit) ? unit : null,
    lang: params.get('lang') === 'fr' ? 'fr' : 'en',
    date: date && DATE.test(date) ? date : null,
  };
}

export function writeState(state: ViewState): void {
  const params = new URLSearchParams();
  if (state.unit) params.set('unit', state.unit);
  if (state.lang !== 'en') params.set('lang', state.lang);
  if (state.date) params.set('date', state.date);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
}
