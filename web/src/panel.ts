/** The side panel: everything the API knows about the selected unit, with its sources. */
import { UNIT_AT_QUERY, UNIT_QUERY, type Lang, type UnitDetail } from './api';
import { graphiqlUrl as documentUrl } from './graphiql-link';
import type { UiText } from './i18n';

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

function section(title: string, id: string, body: Node): HTMLElement {
  return el('section', { 'aria-labelledby': id }, el('h3', { id }, title), body);
}

function list<T>(items: T[], render: (item: T) => (Node | string)[]): HTMLElement {
  return el('ul', {}, ...items.map((item) => el('li', {}, ...render(item))));
}

/** A GraphiQL link that opens the query fetching this unit. */
export function graphiqlUrl(key: string, lang: Lang, date: string | null): string {
  return documentUrl(date ? UNIT_AT_QUERY : UNIT_QUERY, {
    key,
    lang: lang.toUpperCase(),
    ...(date ? { date } : {}),
  });
}

export function renderPanel(
  panel: HTMLElement,
  unit: UnitDetail,
  lang: Lang,
  date: string | null,
  text: UiText,
  onSelect: (key: string) => void,
  onClose: () => void,
): void {
  const name = lang === 'fr' ? unit.nameFr : unit.nameEn;
  const close = el('button', { type: 'button', class: 'close', 'aria-label': text.close }, '×');
  close.addEventListener('click', onClose);
  const line = el(
    'ol',
    { class: 'reporting-line' },
    ...unit.reportingSteps.map((step) => {
      const button = el('button', { type: 'button', class: 'link-button' }, step.unit.name);
      button.addEventListener('click', () => onSelect(step.unit.key));
      // How each step is known: stated by a source, or derived from the unit being part of it.
      const basis =
        step.basis === 'REPORTS_TO' ? text.stated : step.basis === 'PART_OF' ? text.derived : '';
      return el(
        'li',
        { 'data-basis': step.basis },
        button,
        basis ? el('span', { class: 'basis' }, ` (${basis})`) : '',
      );
    }),
  );
  panel.replaceChildren(
    el(
      'header',
      {},
      el('h2', { id: 'panel-heading' }, name),
      unit.acronym ? el('p', { class: 'acronym' }, unit.acronym) : '',
      close,
    ),
    el('p', { class: 'description' }, unit.description),
    section(
      text.names,
      'panel-names',
      el(
        'dl',
        {},
        el('dt', {}, 'EN'),
        el('dd', { lang: 'en' }, unit.nameEn),
        el('dt', {}, 'FR'),
        el('dd', { lang: 'fr' }, unit.nameFr),
      ),
    ),
    unit.aliases.length
      ? section(
          text.aliases,
          'panel-aliases',
          list(unit.aliases, (a) => [el('span', { lang: a.lang.toLowerCase() }, a.text)]),
        )
      : '',
    unit.head ? section(text.head, 'panel-head', el('p', {}, unit.head.title)) : '',
    section(text.reportingLine, 'panel-line', line),
    unit.responsibilities.length
      ? section(
          text.responsibilities,
          'panel-resp',
          list(unit.responsibilities, (r) => [r.label]),
        )
      : '',
    unit.history.nodes.length
      ? section(
          text.events,
          'panel-events',
          list(unit.history.nodes, (e) => [el('time', {}, e.date), ' ', e.title]),
        )
      : '',
    section(
      text.sources,
      'panel-sources',
      list(unit.sources, (s) => [
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
      ]),
    ),
    el(
      'p',
      {},
      el('a', { href: graphiqlUrl(unit.key, lang, date), class: 'graphiql' }, text.query),
    ),
  );
  panel.hidden = false;
}
