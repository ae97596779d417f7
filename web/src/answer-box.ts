/** The answer to a question typed in the search box: the sentence, its units and sources, GraphiQL. */
import type { AskAnswer } from './api';
import { graphiqlUrl } from './graphiql-link';
import type { UiText } from './i18n';

export interface AnswerHandlers {
  onUnit(key: string): void;
  onAsk(question: string): void;
  onClose(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** GraphiQL with the answer's own document and variables, to get the same facts field by field. */
export function answerGraphiqlUrl(answer: AskAnswer): string | null {
  if (!answer.graphql) return null;
  return graphiqlUrl(
    answer.graphql,
    Object.fromEntries(answer.variables.map((v) => [v.name, v.value])),
  );
}

function button(label: string, onClick: () => void, attrs: Record<string, string> = {}) {
  const b = el('button', { type: 'button', class: 'link-button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

export function renderAnswer(
  box: HTMLElement,
  answer: AskAnswer,
  text: UiText,
  handlers: AnswerHandlers,
): void {
  // The sentence is in the question's language; so are the unit names beside it.
  const lang = answer.questionLang === 'FR' ? 'fr' : 'en';
  const close = el(
    'button',
    { type: 'button', class: 'close', 'aria-label': text.closeAnswer },
    '×',
  );
  close.addEventListener('click', handlers.onClose);
  const graphiql = answerGraphiqlUrl(answer);
  box.replaceChildren(
    el('h2', { id: 'answer-heading', class: 'visually-hidden' }, text.answer),
    close,
    el('p', { id: 'answer-text', lang }, answer.text),
    answer.note && answer.note !== answer.text
      ? el('p', { id: 'answer-note', class: 'note', lang }, answer.note)
      : '',
    answer.units.length
      ? el(
          'ul',
          { id: 'answer-units', 'aria-label': text.answerUnits },
          ...answer.units.map((u) =>
            el(
              'li',
              {},
              button(lang === 'fr' ? u.nameFr : u.nameEn, () => handlers.onUnit(u.key), {
                'data-key': u.key,
                lang,
              }),
            ),
          ),
        )
      : '',
    answer.suggestions.length
      ? el(
          'div',
          { id: 'answer-suggestions' },
          el('p', {}, text.suggestions),
          el(
            'ul',
            {},
            ...answer.suggestions.map((s) =>
              el(
                'li',
                {},
                button(s, () => handlers.onAsk(s), { lang }),
              ),
            ),
          ),
        )
      : '',
    answer.sources.length
      ? el(
          'details',
          { id: 'answer-sources' },
          el('summary', {}, `${text.sources} (${answer.sources.length})`),
          el(
            'ul',
            {},
            ...answer.sources.map((s) =>
              el(
                'li',
                {},
                el('blockquote', {}, `« ${s.quote} »`),
                el(
                  'cite',
                  {},
                  s.document.url
                    ? el(
                        'a',
                        { href: s.document.url, rel: 'noreferrer' },
                        s.document.title ?? s.document.url,
                      )
                    : (s.document.title ?? ''),
                  s.locator ? ` (${s.locator})` : '',
                ),
              ),
            ),
          ),
        )
      : '',
    graphiql
      ? el(
          'p',
          {},
          el(
            'a',
            { id: 'answer-graphiql', class: 'graphiql', href: graphiql },
            text.openInGraphiql,
          ),
        )
      : '',
  );
  box.hidden = false;
}

/** The answer box saying why there is no answer (the server refused the question, or is down). */
export function renderAnswerError(
  box: HTMLElement,
  message: string,
  text: UiText,
  onClose: () => void,
): void {
  const close = el(
    'button',
    { type: 'button', class: 'close', 'aria-label': text.closeAnswer },
    '×',
  );
  close.addEventListener('click', onClose);
  box.replaceChildren(
    el('h2', { id: 'answer-heading', class: 'visually-hidden' }, text.answer),
    close,
    el('p', { id: 'answer-text', class: 'error' }, message),
  );
  box.hidden = false;
}
