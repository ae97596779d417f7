/**
 * The units the chart holds, and which of them are expanded. A small organisation is loaded whole;
 * a large one starts with its top levels, and each unit's sub-units are loaded through the
 * connection API when the reader expands it, a page at a time ("show more"). Collapsing a unit
 * drops everything drawn below it, so the page holds only what is on screen.
 *
 * Where a unit is drawn: under the unit it reports to when that one is loaded; otherwise, if it
 * was loaded as a sub-unit of an expanded unit, under that unit; otherwise at the top (as the NATO
 * chart shows the Council and the Secretary General, who report to nobody).
 */
import type { BranchStep, ChartUnit, UnitPage } from './api';

/** What the store asks of the API (api.ts, bound to the chart's language and date). */
export interface ChartLoader {
  children(key: string, after: string | null, first: number): Promise<UnitPage>;
  childrenOfEach(keys: readonly string[], first: number): Promise<Map<string, UnitPage>>;
  branch(key: string, first: number): Promise<{ unit: ChartUnit; ancestors: BranchStep[] } | null>;
}

export interface ChartBudget {
  /** Most boxes the first view draws (the levels that fit). */
  readonly boxes: number;
  /** Sub-units loaded per page when a unit is expanded. */
  readonly page: number;
}

interface Branch {
  /** Cursor of the last page loaded; null before the first. */
  after: string | null;
  /** Whether the connection has more pages after `after`. */
  hasNextPage: boolean;
}

export class ChartStore {
  private readonly units = new Map<string, ChartUnit>();
  /** Expanded units: their sub-units are (being) loaded. */
  private readonly branches = new Map<string, Branch>();
  /** The expanded unit each unit was loaded under, when it was. */
  private readonly loadedUnder = new Map<string, string>();
  /** Display children, recomputed when the store changes. */
  private childrenCache: Map<string | null, string[]> | null = null;

  constructor(
    private readonly loader: ChartLoader,
    readonly budget: ChartBudget,
  ) {}

  /** Every unit, whole (a small organisation): drawn as it always was, every unit expanded. */
  loadWhole(units: readonly ChartUnit[]): void {
    this.clear();
    for (const unit of units) this.units.set(unit.key, unit);
    // Expanded: the units with sub-units drawn under them (NATO's root has its parts drawn apart).
    for (const key of this.displayChildren().keys()) {
      if (key) this.branches.set(key, { after: null, hasNextPage: false });
    }
  }

  /**
   * The top of a large organisation: the root and its first page of sub-units, then a level more
   * at a time while the boxes stay within the budget.
   */
  async loadTop(root: ChartUnit, firstPage: UnitPage): Promise<void> {
    this.clear();
    this.units.set(root.key, root);
    this.addPage(root.key, firstPage);
    let level = firstPage.nodes.filter((u) => u.childCount > 0);
    for (;;) {
      const next = level.reduce((n, u) => n + Math.min(u.childCount, this.budget.page) + 1, 0);
      // One request per level: a few dozen aliases at most, or the level is too wide to draw.
      if (level.length === 0 || level.length > 25 || this.size + next > this.budget.boxes) return;
      const pages = await this.loader.childrenOfEach(
        level.map((u) => u.key),
        this.budget.page,
      );
      const below: ChartUnit[] = [];
      for (const [key, page] of pages) {
        this.addPage(key, page);
        below.push(...page.nodes.filter((u) => u.childCount > 0));
      }
      level = below;
    }
  }

  private clear(): void {
    this.units.clear();
    this.branches.clear();
    this.loadedUnder.clear();
    this.childrenCache = null;
  }

  /** Adds a page of `key`'s sub-units: the unit becomes expanded. */
  private addPage(key: string, page: UnitPage): void {
    for (const unit of page.nodes) {
      const held = this.units.get(unit.key);
      if (!held) {
        this.units.set(unit.key, unit);
        this.loadedUnder.set(unit.key, key);
      } else if (this.superiorOf(held) === null) {
        // A unit drawn at the top joins the unit it is part of, once that one is expanded.
        this.loadedUnder.set(unit.key, key);
      }
    }
    this.branches.set(key, {
      after: page.pageInfo.endCursor,
      hasNextPage: page.pageInfo.hasNextPage,
    });
    this.childrenCache = null;
  }

  get size(): number {
    return this.units.size;
  }

  unit(key: string): ChartUnit | undefined {
    return this.units.get(key);
  }

  has(key: string): boolean {
    return this.units.has(key);
  }

  isExpanded(key: string): boolean {
    return this.branches.has(key);
  }

  /** How many of the unit's direct sub-units are not loaded (what "show more" would add). */
  hiddenChildren(key: string): number {
    const unit = this.units.get(key);
    if (!unit || !this.branches.has(key)) return 0;
    let loaded = 0;
    for (const u of this.units.values()) if (u.parent?.key === key) loaded++;
    return Math.max(0, unit.childCount - loaded);
  }

  /** The unit a unit is drawn under; null at the top. */
  superiorOf(unit: ChartUnit): string | null {
    const up = unit.reportsTo?.key;
    if (up && this.units.has(up)) return up;
    const under = this.loadedUnder.get(unit.key);
    if (under && this.units.has(under)) return under;
    return null;
  }

  /** The units drawn directly under each unit (null: the top), in the order they were loaded. */
  displayChildren(): ReadonlyMap<string | null, readonly string[]> {
    if (this.childrenCache) return this.childrenCache;
    const children = new Map<string | null, string[]>();
    for (const unit of this.units.values()) {
      const up = this.superiorOf(unit);
      const list = children.get(up);
      if (list) list.push(unit.key);
      else children.set(up, [unit.key]);
    }
    this.childrenCache = children;
    return children;
  }

  /** All units, in the order they were loaded. */
  all(): ChartUnit[] {
    return [...this.units.values()];
  }

  /** The chain of units a unit is drawn under, the top first, the unit last. */
  pathTo(key: string): string[] {
    const path: string[] = [];
    const seen = new Set<string>();
    for (let at: string | null = key; at && !seen.has(at);) {
      seen.add(at);
      path.unshift(at);
      const unit = this.units.get(at);
      at = unit ? this.superiorOf(unit) : null;
    }
    return path;
  }

  /** Loads the first page of a unit's sub-units. */
  async expand(key: string): Promise<void> {
    if (this.branches.has(key) || !this.units.has(key)) return;
    this.addPage(key, await this.loader.children(key, null, this.budget.page));
  }

  /** Loads the next page of an expanded unit's sub-units (pages already held are skipped). */
  async showMore(key: string): Promise<void> {
    const branch = this.branches.get(key);
    if (!branch) return this.expand(key);
    const before = this.hiddenChildren(key);
    // After "only this branch" the cursor starts again from the top of the list.
    for (let after = branch.after; ;) {
      const page = await this.loader.children(key, after, this.budget.page);
      this.addPage(key, page);
      if (this.hiddenChildren(key) < before || !page.pageInfo.hasNextPage) return;
      after = page.pageInfo.endCursor;
    }
  }

  /** Drops everything drawn below a unit, and the unit's expanded state. */
  collapse(key: string): void {
    for (const child of this.displayChildren().get(key) ?? []) this.remove(child);
    this.branches.delete(key);
    this.childrenCache = null;
  }

  private remove(key: string): void {
    for (const child of this.displayChildren().get(key) ?? []) this.remove(child);
    this.units.delete(key);
    this.branches.delete(key);
    this.loadedUnder.delete(key);
  }

  /**
   * Keeps the unit's own branch (everything drawn below it) and the chain above it; the rest
   * collapses: other top units lose what is below them, and each unit of the chain keeps only the
   * next unit of the chain (its other sub-units are a "show more" away).
   */
  onlyBranch(key: string): void {
    const path = this.pathTo(key);
    if (!this.units.has(key)) return;
    const onPath = new Set(path);
    const children = this.displayChildren();
    for (const top of children.get(null) ?? []) if (!onPath.has(top)) this.collapse(top);
    for (const at of path.slice(0, -1)) {
      for (const child of children.get(at) ?? []) if (!onPath.has(child)) this.remove(child);
      const branch = this.branches.get(at);
      if (branch) this.branches.set(at, { after: null, hasNextPage: true });
    }
    this.childrenCache = null;
  }

  /**
   * Makes a unit present however deep it is: each unit above it (by `ancestors`) is loaded with
   * its first page of sub-units, and the chain down to the unit is added where the page lacks it.
   * False when there is no such unit.
   */
  async reveal(key: string): Promise<boolean> {
    if (this.units.has(key)) return true;
    const found = await this.loader.branch(key, this.budget.page);
    if (!found) return false;
    const chain = [...found.ancestors, found.unit];
    chain.forEach((step, i) => {
      if (!this.units.has(step.key)) {
        this.units.set(step.key, stripUnits(step));
        const above = chain[i - 1];
        if (above) this.loadedUnder.set(step.key, above.key);
      }
    });
    for (const step of found.ancestors) {
      if (!this.branches.has(step.key)) this.addPage(step.key, step.units);
    }
    this.childrenCache = null;
    return true;
  }
}

function stripUnits(step: ChartUnit & { units?: UnitPage }): ChartUnit {
  const { units: _units, ...unit } = step;
  return unit;
}
