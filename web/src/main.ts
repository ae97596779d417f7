import { renderAnswer, renderAnswerError } from './answer-box';
import { ApiError, askQuestion, fetchChart, fetchUnit, type AskAnswer, type Lang } from './api';
import { OrgChart } from './chart';
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

const state: ViewState = readState();
const chart = new OrgChart($('chart'), { onSelect: (key) => void select(key, true) });
const panel = $('panel');
const status = $('status');
const answerBox = $('answer');
/** The question on show in the answer box, and its answer (redrawn when the language changes). */
let asked: { question: string; answer: AskAnswer | null } | null = null;

function relabel(): void {
  const text = t(state.lang);
  document.documentElement.lang = state.lang;
  document.title = `orggraph: ${text.title}`;
  $('title').textContent = text.title;
  $('search-label').textContent = text.search;
  $<HTMLInputElement>('search-input').placeholder = text.searchPlaceholder;
  $('lang-label').textContent = text.language;
  $('date-label').textContent = text.asOf;
  $('fit-button').textContent = text.fit;
  $('fit-button').setAttribute('aria-label', text.fitLabel);
  $('download-button').textContent = text.download;
  $('download-button').setAttribute('aria-label', text.downloadLabel);
  $('graphiql-link').textContent = text.graphiql;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
  }
}

async function loadChart(): Promise<void> {
  status.textContent = t(state.lang).loading;
  try {
    const { units, coverageNotes } = await fetchChart(state.lang, state.date);
    chart.render(units, t(state.lang), state.lang);
    // Collapsed by default: the notes are long, the chart is what the reader came for.
    $('coverage-summary').textContent = t(state.lang).coverage;
    $('coverage-notes').replaceChildren(
      ...coverageNotes.map((note) =>
        Object.assign(document.createElement('p'), { textContent: note }),
      ),
    );
    $('coverage').hidden = coverageNotes.length === 0;
    status.textContent = '';
  } catch {
    status.textContent = t(state.lang).loadError;
  }
}

function closePanel(): void {
  panel.hidden = true;
  state.unit = null;
  chart.highlight(null, []);
  $<HTMLAnchorElement>('graphiql-link').href = '/graphql';
  writeState(state);
}

async function select(key: string, focusPanel: boolean): Promise<void> {
  const unit = await fetchUnit(key, state.lang, state.date).catch(() => null);
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
  chart.highlight(
    unit.key,
    unit.reportingSteps.map((s) => s.unit.key),
  );
  $<HTMLAnchorElement>('graphiql-link').href = graphiqlUrl(unit.key, state.lang, state.date);
  chart.reveal(unit.key);
  if (focusPanel) panel.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1');
}

function closeAnswer(): void {
  asked = null;
  answerBox.hidden = true;
  answerBox.replaceChildren();
  chart.markAnswer([]);
}

function showAnswer(): void {
  const answer = asked?.answer;
  if (!answer) return;
  renderAnswer(answerBox, answer, t(state.lang), {
    onUnit: (key) => void select(key, true).then(() => chart.focus(key)),
    onAsk: (question) => {
      $<HTMLInputElement>('search-input').value = question;
      void ask(question);
    },
    onClose: closeAnswer,
  });
  const keys = answer.units.map((u) => u.key);
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
    showAnswer();
    status.textContent = '';
  } catch (error) {
    if (asked?.question !== question) return;
    const text = t(state.lang);
    const reason = error instanceof ApiError ? `${text.askError}: ${error.message}` : text.askError;
    renderAnswerError(answerBox, reason, text, closeAnswer);
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
  showAnswer();
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
