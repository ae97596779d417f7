/**
 * The references of the types that other modules name, made for each schema built, so that
 * types can refer to each other (a unit's head is a Post, a Post heads units) whatever order their
 * modules run in. Each module implements its own.
 */
import type { Page } from '../graph/page';
import type { GraphPath } from '../graph/path';
import type { ReportingStep } from '../graph/reporting-line';
import type {
  Alias,
  BoundStaffRules,
  OrgDocument,
  Support,
  Citation,
  Correction,
  Headcount,
  Location,
  OrgEvent,
  Post,
  Responsibility,
  SourceDocument,
  Topic,
  Unit,
} from '../graph/types';
import type { Validity } from '../graph/validity';
import type { Handler } from '../graph/who-handles';
import type { Builder, SchemaTypes, Scope } from './builder';

export function createRefs(builder: Builder) {
  const OrgUnit = builder.interfaceRef<Unit>('OrgUnit');
  const Post = builder.objectRef<Post>('Post');
  const Topic = builder.objectRef<Topic>('Topic');
  const Event = builder.objectRef<OrgEvent>('Event');
  // One connection type per kind of item, whichever field pages through them, so a client's
  // cache and fragments see one shape.
  const connection = <T>(
    type:
      PothosSchemaTypes.ObjectRef<SchemaTypes, T> | PothosSchemaTypes.InterfaceRef<SchemaTypes, T>,
    name: string,
    items: string,
  ) =>
    builder.connectionObject(
      {
        type,
        name: `${name}Connection`,
        description: `A page of ${items}, with their total.`,
        // The page's items read from the page itself: the relay plugin's own \`nodes\` reads them
        // through \`edges\`, an edge object per item (npm run bench:jit, workload d).
        fields: (t) => ({
          nodes: t.field({
            type: [type],
            description: 'The items of the page, without their cursors.',
            complexity: { field: 1, multiplier: 1 },
            resolve: (page) => (page as unknown as Page<T>).nodes,
          }),
        }),
      },
      { name: `${name}Edge`, description: `One of the ${items} of a page, with its cursor.` },
    );
  return {
    OrgUnit,
    Post,
    Topic,
    Event,
    UnitConnection: connection(OrgUnit, 'Unit', 'units'),
    PostConnection: connection(Post, 'Post', 'posts'),
    TopicConnection: connection(Topic, 'Topic', 'topics'),
    EventConnection: connection(Event, 'Event', 'events'),
    Alias: builder.objectRef<Alias>('Alias'),
    Responsibility: builder.objectRef<Responsibility>('Responsibility'),
    ReportingStep: builder.objectRef<ReportingStep>('ReportingStep'),
    Handler: builder.objectRef<Handler>('Handler'),
    SourceDocument: builder.objectRef<SourceDocument>('SourceDocument'),
    Citation: builder.objectRef<Citation>('Citation'),
    Correction: builder.objectRef<Correction>('Correction'),
    Validity: builder.objectRef<Validity>('Validity'),
    Headcount: builder.objectRef<Headcount>('Headcount'),
    Location: builder.objectRef<Location>('Location'),
    DatedView: builder.objectRef<Scope>('DatedView'),
    StaffRules: builder.objectRef<BoundStaffRules>('StaffRules'),
    Support: builder.objectRef<Support>('Support'),
    Document: builder.objectRef<OrgDocument>('Document'),
    Path: builder.objectRef<GraphPath>('Path'),
  };
}

export type Refs = ReturnType<typeof createRefs>;
