import { renderAnswer, renderAnswerError } from './answer-box';
import {
  ApiError,
  askQuestion,
  fetchBranch,
  fetchChildren,
  fetchChildrenOfEach,
  fetchFirstPage,
  fetchUnit,
  fetchUnitsPage,
  type AskAnswer,
  type ChartUnit,
  type DatasetInfo,
  type Lang,
} from './api';
import { OrgChart } from './chart';
import { ChartStore, type ChartLoader } from './chart-store';
import { languagesOf, searchPlaceholder } from './dataset';
import { t } from './i18n';
import { graphiqlUrl, renderPanel } from './panel';
import { SearchBox } from './search-box';
import cssText from './styles.css?inline';
import { readState, writeState, type ViewState } from './url-state';

const $ = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing`);
  return node as T;
};

const style = document.createElement('style');
style.textContent = cssText;
document.head.append(style);

/** An organisation of at most this many units is drawn whole (one page of the API), as NATO's is. */
const WHOLE_LIMIT = 100;
/** The first view of a larger one: as many top levels as fit in this many boxes; pages of sub-units. */
const BUDGET = { boxes: 300, page: 24 } as const;

const state: ViewState = readState();
const chart = new OrgChart($('chart'), {
  onSelect: (key) => void select(key, true),
  onToggle: (key) => void toggle(key),
  onMore: (key) => void showMore(key),
});
let dataset: DatasetInfo | null = null;
let store: ChartStore | null = null;
/** Whether the store holds the whole organisation. */
let whole = true;
/** What is marked on the chart, put back after each redraw. */
let marks: { selected: string | null; line: string[]; answer: string[] } = {
  selected: null,
  line: [],
  answer: [],
};
const panel = $('panel');
const status = $('status');
const answerBox = $('answer');
/** The question on show in the answer box, and its answer (redrawn when the language changes). */
let asked: { question: string; answer: AskAnswer | null } | null = null;

function relabel(): void {
  const text = t(state.lang);
  document.documentElement.lang = state.lang;
  const title = dataset?.title ?? '';
  document.title = title ? `orggraph: ${title}` : 'orggraph';
  $('title').textContent = title;
  $('search-label').textContent = text.search;
  $<HTMLInputElement>('search-input').placeholder = dataset
    ? searchPlaceholder(dataset, store?.all() ?? [], text)
    : '';
  $('branch-button').textContent = text.onlyBranch;
  $('branch-button').setAttribute('aria-label', text.onlyBranchLabel);
  $('branch-button').hidden = !state.unit;
  $('lang-label').textContent = text.language;
  $('date-label').textContent = text.asOf;
  $('fit-button').textContent = text.fit;
  $('fit-button').setAttribute('aria-label', text.fitLabel);
  $('download-button').textContent = text.download;
  $('download-button').setAttribute('aria-label', text.downloadLabel);
  $('graphiql-link').textContent = text.graphiql;
  const languages = dataset ? languagesOf(dataset) : [];
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
    // One language: nothing to choose.
    button.hidden = languages.length < 2 || !languages.includes(button.dataset.lang as Lang);
  }
}

function loaderFor(lang: Lang, date: string | null): ChartLoader {
  return {
    children: (key, after, first) => fetchChildren(key, lang, date, after, first),
    childrenOfEach: (keys, first) => fetchChildrenOfEach(keys, lang, date, first),
    branch: (key, first) => fetchBranch(key, lang, date, first),
  };
}

/** Draws the store's units again, with what was marked on them. */
function redraw(): void {
  if (!store) return;
  chart.render(store, t(state.lang), state.lang, whole);
  chart.highlight(marks.selected, marks.line);
  chart.markAnswer(marks.answer);
}

/**
 * The first view: the whole organisation when it is small; otherwise its top levels, the rest
 * loaded as the reader expands units.
 */
async function loadChart(): Promise<void> {
  status.textContent = t(state.lang).loading;
  try {
    const { lang, date } = state;
    const first = await fetchFirstPage(lang, date, WHOLE_LIMIT, BUDGET.page);
    const next = new ChartStore(loaderFor(lang, date), BUDGET);
    if (first.units.totalCount <= WHOLE_LIMIT || !first.organization) {
      const units: ChartUnit[] = [...first.units.nodes];
      for (let page = first.units; page.pageInfo.hasNextPage && page.pageInfo.endCursor;) {
        page = await fetchUnitsPage(lang, date, page.pageInfo.endCursor, WHOLE_LIMIT);
        units.push(...page.nodes);
      }
      next.loadWhole(units);
      whole = true;
    } else {
      const { units: page, ...root } = first.organization;
      await next.loadTop(root, page);
      whole = false;
    }
    dataset = first.dataset;
    store = next;
    relabel();
    redraw();
    // When the first boxes reach the screen: what the browser tests and bench:scale report.
    if (performance.getEntriesByName('chart-drawn').length === 0) {
      requestAnimationFrame(() => performance.mark('chart-drawn'));
    }
    // Collapsed by default: the notes are long, the chart is what the reader came for.
    $('coverage-summary').textContent = t(state.lang).coverage;
    $('coverage-notes').replaceChildren(
      ...first.coverageNotes.map((note) =>
        Object.assign(document.createElement('p'), { textContent: note }),
      ),
    );
    $('coverage').hidden = first.coverageNotes.length === 0;
    status.textContent = '';
  } catch {
    status.textContent = t(state.lang).loadError;
  }
}

/** Expands a collapsed unit (loading its first page of sub-units) or collapses an expanded one. */
async function toggle(key: string): Promise<void> {
  if (!store) return;
  try {
    if (store.isExpanded(key)) store.collapse(key);
    else await store.expand(key);
  } catch {
    status.textContent = t(state.lang).loadError;
    return;
  }
  redraw();
  chart.focus(key);
}

async function showMore(key: string): Promise<void> {
  if (!store) return;
  try {
    await store.showMore(key);
  } catch {
    status.textContent = t(state.lang).loadError;
    return;
  }
  redraw();
  chart.focusMore(key);
}

/** "Only this branch": collapses everything but the selected unit's branch. */
function onlyBranch(): void {
  if (!store || !state.unit) return;
  store.onlyBranch(state.unit);
  redraw();
  chart.fit();
  chart.reveal(state.unit);
}

function closePanel(): void {
  panel.hidden = true;
  state.unit = null;
  marks = { ...marks, selected: null, line: [] };
  chart.highlight(null, []);
  $('branch-button').hidden = true;
  $<HTMLAnchorElement>('graphiql-link').href = '/graphql';
  writeState(state);
}

async function select(key: string, focusPanel: boolean): Promise<void> {
  // However deep the unit is, the branches above it are loaded so it can be shown in its place.
  const [unit, revealed] = await Promise.all([
    fetchUnit(key, state.lang, state.date).catch(() => null),
    store?.reveal(key).catch(() => false) ?? false,
  ]);
  if (revealed) redraw();
  if (!unit) {
    // Not there on the chosen date (or gone): say nothing rather than show another unit.
    if (state.unit === key) closePanel();
    return;
  }
  state.unit = unit.key;
  writeState(state);
  renderPanel(
    panel,
    unit,
    state.lang,
    state.date,
    t(state.lang),
    (k) => void select(k, true),
    closePanel,
  );
  marks = { ...marks, selected: unit.key, line: unit.reportingSteps.map((s) => s.unit.key) };
  chart.highlight(marks.selected, marks.line);
  $('branch-button').hidden = false;
  $<HTMLAnchorElement>('graphiql-link').href = graphiqlUrl(unit.key, state.lang, state.date);
  chart.reveal(unit.key);
  if (focusPanel) panel.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1');
}

function closeAnswer(): void {
  asked = null;
  answerBox.hidden = true;
  answerBox.replaceChildren();
  marks = { ...marks, answer: [] };
  chart.markAnswer([]);
}

async function showAnswer(): Promise<void> {
  const answer = asked?.answer;
  if (!answer) return;
  // The units of the answer, wherever they are in a large organisation (the first few).
  let revealed = false;
  for (const unit of answer.units.slice(0, 10)) {
    revealed = (await store?.reveal(unit.key).catch(() => false)) || revealed;
  }
  if (asked?.answer !== answer) return;
  if (revealed) redraw();
  renderAnswer(answerBox, answer, t(state.lang), {
    onUnit: (key) => void select(key, true).then(() => chart.focus(key)),
    onAsk: (question) => {
      $<HTMLInputElement>('search-input').value = question;
      void ask(question);
    },
    onClose: closeAnswer,
  });
  const keys = answer.units.map((u) => u.key);
  marks = { ...marks, answer: keys };
  chart.markAnswer(keys);
  chart.frame(keys);
}

/** Answers a question typed in the search box, on the chart's date, and marks its units. */
async function ask(question: string): Promise<void> {
  asked = { question, answer: null };
  if (state.unit) closePanel();
  status.textContent = t(state.lang).asking;
  try {
    const answer = await askQuestion(question, state.date);
    // A later question, or a closed box, wins over this one's late answer.
    if (asked?.question !== question) return;
    asked.answer = answer;
    await showAnswer();
    status.textContent = '';
  } catch (error) {
    if (asked?.question !== question) return;
    const text = t(state.lang);
    const reason = error instanceof ApiError ? `${text.askError}: ${error.message}` : text.askError;
    renderAnswerError(answerBox, reason, text, closeAnswer);
    marks = { ...marks, answer: [] };
    chart.markAnswer([]);
    status.textContent = '';
  }
}

/** Shows the structure as it stood on a date (the server's `at(date:)` view); null for today's data. */
async function setDate(date: string | null): Promise<void> {
  state.date = date;
  writeState(state);
  await loadChart();
  chart.fit();
  if (state.unit) await select(state.unit, false);
  // The answer was for the structure of another date: ask again.
  if (asked) await ask(asked.question);
}

async function setLang(lang: Lang): Promise<void> {
  state.lang = lang;
  writeState(state);
  relabel();
  await loadChart();
  if (state.unit) await select(state.unit, false);
  else chart.fit();
  await showAnswer();
}

new SearchBox(
  $<HTMLInputElement>('search-input'),
  $<HTMLUListElement>('search-results'),
  () => state.lang,
  () => t(state.lang),
  (key) => {
    void select(key, true).then(() => chart.focus(key));
  },
  (question) => void ask(question),
);

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
  button.addEventListener('click', () => void setLang(button.dataset.lang === 'fr' ? 'fr' : 'en'));
}
$('fit-button').addEventListener('click', () => chart.fit());
$('branch-button').addEventListener('click', onlyBranch);
$('download-button').addEventListener('click', () => {
  const blob = new Blob([chart.toSvgDocument(cssText)], { type: 'image/svg+xml' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'orggraph-chart.svg';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});
const dateInput = $<HTMLInputElement>('date-input');
dateInput.max = new Date().toISOString().slice(0, 10);
if (state.date) dateInput.value = state.date.length === 10 ? state.date : '';
dateInput.addEventListener('change', () => void setDate(dateInput.value || null));

// Keep the whole chart in view as the window changes, until the reader picks a unit or asks.
new ResizeObserver(() => {
  if (!state.unit && !asked) chart.fit();
}).observe($('chart'));

relabel();
void loadChart().then(async () => {
  chart.fit();
  if (state.unit) await select(state.unit, false);
  document.body.dataset.ready = 'true';
});
