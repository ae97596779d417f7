/**
 * Type references, declared before any type is implemented so that types can refer to each other
 * (a unit's head is a Post, a Post heads units) whatever order their modules load in.
 */
import type { ReportingStep } from '../graph/reporting-line';
import type { Alias, OrgEvent, Post, Responsibility, Topic, Unit } from '../graph/types';
import type { Handler } from '../graph/who-handles';
import { builder } from './builder';

export const OrgUnitRef = builder.interfaceRef<Unit>('OrgUnit');
export const OrganizationRef = builder.objectRef<Unit>('Organization');
export const CouncilRef = builder.objectRef<Unit>('Council');
export const SecretaryGeneralRef = builder.objectRef<Unit>('SecretaryGeneral');
export const InternationalStaffRef = builder.objectRef<Unit>('InternationalStaff');
export const CabinetRef = builder.objectRef<Unit>('Cabinet');
export const CabinetUnitRef = builder.objectRef<Unit>('CabinetUnit');
export const DivisionRef = builder.objectRef<Unit>('Division');
export const OfficeRef = builder.objectRef<Unit>('Office');

export const PostRef = builder.objectRef<Post>('Post');
export const TopicRef = builder.objectRef<Topic>('Topic');
export const EventRef = builder.objectRef<OrgEvent>('Event');
export const AliasRef = builder.objectRef<Alias>('Alias');
export const ResponsibilityRef = builder.objectRef<Responsibility>('Responsibility');
export const ReportingStepRef = builder.objectRef<ReportingStep>('ReportingStep');
export const HandlerRef = builder.objectRef<Handler>('Handler');
