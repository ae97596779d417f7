/**
 * How much code graphql-jit would generate for an operation, counted before compiling it.
 *
 * graphql-jit compiles a selection once per type it may meet there: under a field whose type is
 * an interface or a union, the whole sub-selection is generated again for every possible type, at
 * every level. Every unit is an `OrgUnit` of one of the dataset's kinds, so a document nesting
 * `parent { parent { … } }` or `units { nodes { units { nodes { … } } } }` grows the generated
 * code as the number of kinds to the power of its depth: a small document within every limit
 * would block the event loop for seconds while it compiles, and pin gigabytes once compiled.
 * The count here follows graphql-jit's own walk (fields merged by response key, fragments applied
 * by type condition, each possible type of an abstract field in turn) and stops once past `limit`,
 * so counting costs at most `limit` steps however the document nests.
 */
import {
  getNamedType,
  getOperationAST,
  isAbstractType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * Fields and type cases graphql-jit would generate for the operation, or a number above `limit`
 * once the count passes it. 0 for a document without that operation (execution reports it).
 */
export function compiledFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  limit: number,
): number {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);

  const applies = (condition: string | undefined, type: GraphQLObjectType): boolean => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };

  /** The selections that apply to `type`, merged by response key (graphql-jit's collectFields). */
  const collect = (
    type: GraphQLObjectType,
    selectionSet: SelectionSetNode,
    fields: Map<string, FieldNode[]>,
    spread: Set<string>,
  ): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const merged = fields.get(key);
        if (merged) merged.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, type))
          collect(type, selection.selectionSet, fields, spread);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (spread.has(name) || !fragment) continue;
        spread.add(name);
        if (applies(fragment.typeCondition.name.value, type))
          collect(type, fragment.selectionSet, fields, spread);
      }
    }
  };

  let count = 0;
  const visit = (type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): void => {
    const fields = new Map<string, FieldNode[]>();
    const spread = new Set<string>();
    for (const selectionSet of selectionSets) collect(type, selectionSet, fields, spread);
    const definitions = type.getFields();
    for (const nodes of fields.values()) {
      count += 1;
      if (count > limit) return;
      const definition = definitions[(nodes[0] as FieldNode).name.value];
      if (!definition) continue; // __typename, or a field validation refuses
      const subSelections = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
      if (subSelections.length > 0) visitComposite(getNamedType(definition.type), subSelections);
    }
  };
  const visitComposite = (
    type: GraphQLCompositeType | ReturnType<typeof getNamedType>,
    selectionSets: readonly SelectionSetNode[],
  ): void => {
    if (isObjectType(type)) visit(type, selectionSets);
    else if (isAbstractType(type))
      for (const possible of schema.getPossibleTypes(type)) {
        count += 1; // the type's case
        if (count > limit) return;
        visit(possible, selectionSets);
      }
  };
  visit(root, [operation.selectionSet]);
  return count;
}
