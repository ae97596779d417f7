/**
 * Reporting lines. A line follows a `reportsTo` link where a source states one; otherwise it goes up
 * the part-of tree, since a unit inside another answers through it. It stops at a unit with neither,
 * and never climbs from a unit into a whole organisation (NATO): being part of NATO is not reporting
 * to it, and the sources name no superior of the Secretary General or the Council in this dataset.
 */
import type { OrgGraph } from './org-graph';
import type { Citation, Unit } from './types';

export type ReportingBasis = 'start' | 'reports-to' | 'part-of';

export interface ReportingStep {
  readonly unit: Unit;
  /** How this unit was reached from the previous one: a stated reporting link or part-of. */
  readonly basis: ReportingBasis;
  /** The citations of the link that led here (empty for the first step). */
  readonly sources: readonly Citation[];
}

/** The unit one step up the line, with how it was reached; undefined at the top. */
export function superiorOf(
  graph: OrgGraph,
  unit: Unit,
): (Omit<ReportingStep, 'unit'> & { unit: Unit }) | undefined {
  if (unit.reportsTo) {
    const up = graph.unit(unit.reportsTo.unitKey);
    if (up) return { unit: up, basis: 'reports-to', sources: unit.reportsTo.sources };
  }
  if (unit.parent) {
    const up = graph.unit(unit.parent.unitKey);
    if (up && !graph.kind(up.kind).formalOrganization) {
      return { unit: up, basis: 'part-of', sources: unit.parent.sources };
    }
  }
  return undefined;
}

/** This unit first, then each superior up to the top; undefined for an unknown key. */
export function reportingLine(graph: OrgGraph, unitKey: string): ReportingStep[] | undefined {
  const start = graph.unit(unitKey);
  if (!start) return undefined;
  const line: ReportingStep[] = [{ unit: start, basis: 'start', sources: [] }];
  const seen = new Set([start.key]);
  for (let step = superiorOf(graph, start); step; step = superiorOf(graph, step.unit)) {
    // The loader refuses cycles in either relation, but a mix of the two could still loop.
    if (seen.has(step.unit.key)) break;
    seen.add(step.unit.key);
    line.push(step);
  }
  return line;
}

/** The reporting line of a unit, in the graph state the unit belongs to. */
export function reportingLineOf(unit: Unit): ReportingStep[] {
  return reportingLine(unit.graph, unit.key) ?? [];
}
