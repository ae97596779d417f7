/**
 * Limits on the shape of a query, checked while it is parsed and validated: depth, aliases,
 * directives and tokens (graphql-armor), and no schema introspection where it is turned off.
 * Circular introspection is refused by graphql-js's own MaxIntrospectionDepthRule. The cost limit
 * and the deadline apply when it runs (execution.ts).
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config';

/** Which limit refused a request; also the `limit` label of the refused-requests metric. */
export type LimitKind =
  | 'depth'
  | 'aliases'
  | 'directives'
  | 'tokens'
  | 'cost'
  | 'response-bytes'
  | 'deadline'
  | 'body'
  | 'batch'
  | 'variables'
  | 'content-type'
  | 'introspection'
  | 'trusted-documents';

export type OnRefused = (limit: LimitKind) => void;

type ShapeConfig = Pick<
  Config,
  'mode' | 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxTokens' | 'introspection'
>;

/**
 * graphql-armor's checks of the query's shape, with our configured limits. Its validation rules
 * throw by default, which yoga would report as a 200; reporting them as validation errors gets the
 * spec's 400 (and a message without armor's misleading "Syntax Error:" prefix).
 */
function useArmor(config: ShapeConfig, onRefused: OnRefused): Plugin {
  const asValidationError = (limit: LimitKind) => ({
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        onRefused(limit);
        context?.reportError(
          new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
            extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit },
          }),
        );
      },
    ],
  });
  // Limits are stated in the message in every mode: they are part of the API's contract.
  return EnvelopArmorPlugin({
    maxDepth: {
      n: config.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      ...asValidationError('depth'),
    },
    maxAliases: { n: config.maxAliases, ...asValidationError('aliases') },
    maxDirectives: { n: config.maxDirectives, ...asValidationError('directives') },
    // Counted while parsing, before any validation context exists: refused as a syntax error.
    maxTokens: { n: config.maxTokens, exposeLimits: true, onReject: [() => onRefused('tokens')] },
    // The cost limit (execution.ts) counts list sizes; armor's own does not.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.mode === 'production' },
  }) as Plugin;
}

/** Refuses `__schema` and `__type` (graphql-js's own rule); `__typename` stays allowed. */
function useNoIntrospection(onRefused: OnRefused): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
      return ({ valid, result }) => {
        if (!valid && result.some((e) => e.message.includes('introspection')))
          onRefused('introspection');
      };
    },
  };
}

/** The query-shape plugins for this configuration. */
export function queryShapeLimits(config: ShapeConfig, onRefused: OnRefused): Plugin[] {
  return config.introspection
    ? [useArmor(config, onRefused)]
    : [useArmor(config, onRefused), useNoIntrospection(onRefused)];
}
