/**
 * Type-ahead over the API: units by name, acronym or alias, and units by the topics they handle.
 * A question (question.ts tells) is not searched: the box offers to ask it, and Enter asks.
 */
import { findUnits, type Lang, type SearchResult } from './api';
import type { UiText } from './i18n';
import { isQuestion } from './question';

export class SearchBox {
  private results: SearchResult[] = [];
  /** The question the box offers to ask instead of results, if the text is one. */
  private question: string | null = null;
  private active = -1;
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly listbox: HTMLUListElement,
    private readonly getLang: () => Lang,
    private readonly getText: () => UiText,
    private readonly onPick: (key: string) => void,
    private readonly onAsk: (question: string) => void,
  ) {
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.query(), 120);
  }

  private async query(): Promise<void> {
    const text = this.input.value.trim();
    const ticket = ++this.pending;
    this.question = null;
    if (!text) return this.show([]);
    if (isQuestion(text)) return this.offerToAsk(text);
    const results = await findUnits(text, this.getLang()).catch(() => []);
    if (ticket === this.pending) this.show(results);
  }

  private show(results: SearchResult[]): void {
    this.results = results;
    this.active = results.length ? 0 : -1;
    const text = this.getText();
    this.listbox.replaceChildren(
      ...(results.length
        ? results.map((r, i) => {
            const li = document.createElement('li');
            li.id = `search-option-${i}`;
            li.setAttribute('role', 'option');
            li.dataset.key = r.key;
            li.textContent = r.via ? `${r.name} — ${text.via} ${r.via}` : r.name;
            li.addEventListener('mousedown', (event) => {
              event.preventDefault();
              this.pick(i);
            });
            return li;
          })
        : this.input.value.trim()
          ? [
              Object.assign(document.createElement('li'), {
                textContent: text.noResults,
                className: 'empty',
              }),
            ]
          : []),
    );
    const open = this.listbox.children.length > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.mark();
  }

  private offerToAsk(question: string): void {
    this.question = question;
    this.results = [];
    this.active = 0;
    const li = document.createElement('li');
    li.id = 'search-option-0';
    li.setAttribute('role', 'option');
    li.className = 'ask';
    li.dataset.ask = 'true';
    li.textContent = `${this.getText().askOption} ${question}`;
    li.addEventListener('mousedown', (event) => {
      event.preventDefault();
      this.ask();
    });
    this.listbox.replaceChildren(li);
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.mark();
  }

  private ask(): void {
    const question = this.question;
    if (!question) return;
    this.close();
    this.onAsk(question);
  }

  private mark(): void {
    [...this.listbox.children].forEach((li, i) =>
      li.setAttribute('aria-selected', String(i === this.active)),
    );
    if (this.active >= 0)
      this.input.setAttribute('aria-activedescendant', `search-option-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' && this.results.length) {
      this.active = (this.active + 1) % this.results.length;
      this.mark();
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && this.results.length) {
      this.active = (this.active - 1 + this.results.length) % this.results.length;
      this.mark();
      event.preventDefault();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(this.timer);
      // Enter right after typing: look up now rather than pick a stale result.
      void this.query().then(() =>
        this.question ? this.ask() : this.pick(Math.max(this.active, 0)),
      );
    } else if (event.key === 'Escape') {
      this.close();
    }
  }

  private pick(index: number): void {
    const result = this.results[index];
    if (!result) return;
    this.close();
    this.onPick(result.key);
  }

  close(): void {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}
