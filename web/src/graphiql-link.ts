/**
 * Links that open a document in orggraph's GraphiQL. Its GraphiQL takes the document from the
 * URL's `query` but not the URL's `variables`, so each variable's value is also written into the
 * document as the default of its declaration: the document then runs as it opens, and gives the
 * same answer whether GraphiQL reads `variables` or not.
 */

/** A variable's value as a GraphQL literal: strings quoted, enum values and numbers bare. */
function literal(type: string, value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const named = type.replace(/[!\[\]\s]/g, '');
  const quoted = ['String', 'ID', 'Date'].includes(named) || !/^[_A-Za-z]\w*$/.test(value);
  return quoted ? JSON.stringify(value) : value;
}

/** The document with each declared variable's value as its default. */
export function withDefaults(
  document: string,
  variables: Record<string, string | number | boolean>,
): string {
  return document.replace(
    /^(\s*query\s+\w+\s*)\(([^)]*)\)/,
    (_whole, head: string, list: string) => {
      const declarations = list.split(',').map((declaration) => {
        const match = /^\s*\$(\w+)\s*:\s*([^=]+?)\s*$/.exec(declaration);
        const value = match ? variables[match[1]!] : undefined;
        return match && value !== undefined
          ? `$${match[1]}: ${match[2]} = ${literal(match[2]!, value)}`
          : declaration.trim();
      });
      return `${head}(${declarations.join(', ')})`;
    },
  );
}

export function graphiqlUrl(
  document: string,
  variables: Record<string, string | number | boolean>,
): string {
  const params = new URLSearchParams({
    query: withDefaults(document, variables),
    variables: JSON.stringify(variables),
  });
  return `/graphql?${params.toString()}`;
}
