/**
 * The dataset's kinds of unit as dataset.yaml declares them, for exports that carry them so that an
 * import gives the same kinds back (`x_kinds` in Popolo; W3C ORG writes them as SKOS concepts).
 * Labels are given in the dataset's languages only, without the fallbacks the domain fills in.
 */
import type { OrgGraph } from '../org-graph';
import type { UnitKindSpec } from '../unit-kinds';

export function kindDeclarations(graph: OrgGraph) {
  const { languages } = graph.dataset;
  return graph.kinds.map((k: UnitKindSpec) => ({
    key: k.key,
    typeName: k.typeName,
    description: k.description,
    ...(k.typeDescription !== k.description ? { typeDescription: k.typeDescription } : {}),
    labels: Object.fromEntries(languages.map((l) => [l, k.labels[l]])),
    formalOrganization: k.formalOrganization,
    ...(k.popoloClassification !== k.key ? { popoloClassification: k.popoloClassification } : {}),
    ...(k.rootField ? { rootField: k.rootField } : {}),
    ...(k.facets ? { facets: k.facets } : {}),
  }));
}
