/**
 * Global IDs. Pothos's relay encoding (base64 of "Type:id") with our id: the record's key, and for
 * a record of a dated view "key@date", so that no `__typename` + `id` ever names two states of a
 * node and every normalised client cache keeps them apart. Undated IDs are as they always were.
 */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import type { NodeRef, NodeType } from '../graph/graph-index';
import type { OrgGraph } from '../graph/org-graph';
import { parsePartialDate, type PartialDate } from '../graph/partial-date';
import type { OrgDocument, OrgEvent, Person, Post, Topic, Unit } from '../graph/types';

export const ID_DESCRIPTION =
  'Opaque global ID: stable across reloads of the same data. A node seen through `at(date:)` has an ID of its own, carrying the date.';

/** A record's global ID, encoded at once (Pothos's own `globalID` fields resolve asynchronously). */
export function idOf(typename: string, record: { readonly key: string; readonly graph: OrgGraph }) {
  return encodeGlobalID(typename, rawIdOf(record));
}

/** The id Pothos encodes for a record of `graph`. */
export function rawIdOf(record: { readonly key: string; readonly graph: OrgGraph }): string {
  const { date } = record.graph;
  return date === undefined ? record.key : `${record.key}@${date.value}`;
}

const TYPE_OF_NODE: Record<Exclude<NodeType, 'unit'>, string> = {
  post: 'Post',
  topic: 'Topic',
  event: 'Event',
};

/** The GraphQL type of a node of the graph (a unit's type follows its kind). */
export function typeNameOf(node: NodeRef): string {
  if (node.type !== 'unit') return TYPE_OF_NODE[node.type];
  const unit = node.graph.unit(node.key);
  return unit ? node.graph.kind(unit.kind).typeName : 'OrgUnit';
}

/** The GraphQL type of a record, found by which of its graph's maps holds it. */
export function typeNameOfRecord(
  record: Unit | Post | Topic | OrgEvent | OrgDocument | Person,
): string {
  const { graph, key } = record;
  if (graph.unit(key) === record) return graph.kind((record as Unit).kind).typeName;
  if (graph.post(key) === record) return 'Post';
  if (graph.topic(key) === record) return 'Topic';
  if (graph.orgDocument(key) === record) return 'Document';
  if (graph.person(key) === record) return 'Person';
  return 'Event';
}

/** The global ID of a node, the same one its object's `id` field gives. */
export function globalIdOf(node: NodeRef): string {
  return encodeGlobalID(typeNameOf(node), rawIdOf(node));
}

export interface DecodedId {
  readonly typename: string;
  readonly key: string;
  /** The date of the view the node belongs to, for a dated ID. */
  readonly date?: PartialDate | undefined;
}

/** What a global ID names; undefined for text that is not one of ours. */
export function decodeId(id: string): DecodedId | undefined {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(id);
  } catch {
    return undefined;
  }
  return splitRawId(decoded.typename, decoded.id);
}

export function splitRawId(typename: string, raw: string): DecodedId | undefined {
  const at = raw.lastIndexOf('@');
  if (at < 0) return { typename, key: raw };
  const date = parsePartialDate(raw.slice(at + 1));
  if (typeof date === 'string') return undefined;
  return { typename, key: raw.slice(0, at), date };
}
