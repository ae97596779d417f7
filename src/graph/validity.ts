/**
 * When things held: units, posts, responsibilities and links carry a validity read from the data
 * (a unit's `established` and `dissolved`), never invented. Where the data gives no date, that end
 * is open and `basis` says so; a link holds while both its ends do.
 */
import { parseNodeId, type GraphEdge } from './graph-index';
import { comparePartialDates, type PartialDate } from './partial-date';
import type { OrgGraph } from './org-graph';
import type { Post, Responsibility, Support, Unit } from './types';

export type ValidityBasis =
  /** Both ends come from the record's own dates. */
  | 'recorded'
  /** The record has no date of its own: it holds while its unit (or both linked units) does. */
  | 'inherited'
  /** Nothing in the data dates it. */
  | 'undated';

export interface Validity {
  /** First period in which it held; undefined when the data does not say (open). */
  readonly validFrom?: PartialDate | undefined;
  /** Last period in which it held; undefined while it still held at the dataset's date. */
  readonly validTo?: PartialDate | undefined;
  readonly basis: ValidityBasis;
}

export const OPEN: Validity = Object.freeze({ basis: 'undated' });

export function unitValidity(unit: Unit): Validity {
  if (!unit.established && !unit.dissolved) return OPEN;
  return { validFrom: unit.established, validTo: unit.dissolved, basis: 'recorded' };
}

/** A post exists while its unit does: the sources date no post on its own. */
export function postValidity(post: Post): Validity {
  const unit = post.graph.unit(post.unitKey);
  return inherit(unit ? [unitValidity(unit)] : []);
}

/** A responsibility is stated as of the dataset's date; it is taken to hold while its unit does. */
export function responsibilityValidity(r: Responsibility): Validity {
  const unit = r.graph.unit(r.unitKey);
  return inherit(unit ? [unitValidity(unit)] : []);
}

/** Support holds while the unit giving it does, and the unit receiving it when it is one. */
export function supportValidity(graph: OrgGraph, support: Support): Validity {
  const ends = [support.unitKey];
  if (support.supported.kind === 'unit') ends.push(support.supported.unitKey);
  return inherit(
    ends.flatMap((key) => {
      const unit = graph.unit(key);
      return unit ? [unitValidity(unit)] : [];
    }),
  );
}

/** A link between two dated things holds from the later start to the earlier end. */
export function inherit(ends: readonly Validity[]): Validity {
  let validFrom: PartialDate | undefined;
  let validTo: PartialDate | undefined;
  for (const v of ends) {
    if (v.validFrom && (!validFrom || comparePartialDates(v.validFrom, validFrom) > 0)) {
      validFrom = v.validFrom;
    }
    if (v.validTo && (!validTo || comparePartialDates(v.validTo, validTo) < 0)) validTo = v.validTo;
  }
  return validFrom || validTo ? { validFrom, validTo, basis: 'inherited' } : OPEN;
}

/** An edge holds while both its ends do; topics and events are not dated as things that hold. */
export function edgeValidity(edge: GraphEdge): Validity {
  const { graph } = edge;
  const ends: Validity[] = [];
  for (const id of [edge.source, edge.target]) {
    const node = parseNodeId(graph, id);
    const unit = node?.type === 'unit' ? graph.unit(node.key) : undefined;
    const post = node?.type === 'post' ? graph.post(node.key) : undefined;
    if (unit) ends.push(unitValidity(unit));
    if (post) ends.push(postValidity(post));
  }
  return inherit(ends);
}
