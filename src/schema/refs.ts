/**
 * The references of the types that other modules name, made for each schema built, so that
 * types can refer to each other (a unit's head is a Post, a Post heads units) whatever order their
 * modules run in. Each module implements its own.
 */
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
import type { Builder, Scope } from './builder';

export function createRefs(builder: Builder) {
  return {
    OrgUnit: builder.interfaceRef<Unit>('OrgUnit'),
    Post: builder.objectRef<Post>('Post'),
    Topic: builder.objectRef<Topic>('Topic'),
    Event: builder.objectRef<OrgEvent>('Event'),
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
