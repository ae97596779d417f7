/**
 * @generated SignedSource<<d85c8cc47ab4566de557b0e332d2922b>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type TimeTravelBothQuery$variables = Record<PropertyKey, never>;
export type TimeTravelBothQuery$data = {
  readonly divisions: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
  }>;
  readonly internationalStaff: {
    readonly childCount: number;
    readonly id: string;
  } | null | undefined;
  readonly past: {
    readonly divisions: ReadonlyArray<{
      readonly id: string;
      readonly name: string;
    }>;
    readonly internationalStaff: {
      readonly childCount: number;
      readonly id: string;
    } | null | undefined;
  };
};
export type TimeTravelBothQuery = {
  response: TimeTravelBothQuery$data;
  variables: TimeTravelBothQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v1 = {
  "alias": null,
  "args": null,
  "concreteType": "Division",
  "kind": "LinkedField",
  "name": "divisions",
  "plural": true,
  "selections": [
    (v0/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "name",
      "storageKey": null
    }
  ],
  "storageKey": null
},
v2 = {
  "alias": null,
  "args": null,
  "concreteType": "InternationalStaff",
  "kind": "LinkedField",
  "name": "internationalStaff",
  "plural": false,
  "selections": [
    (v0/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "childCount",
      "storageKey": null
    }
  ],
  "storageKey": null
},
v3 = [
  (v1/*:: as any*/),
  (v2/*:: as any*/),
  {
    "alias": "past",
    "args": [
      {
        "kind": "Literal",
        "name": "date",
        "value": "2009-06-01"
      }
    ],
    "concreteType": "DatedView",
    "kind": "LinkedField",
    "name": "at",
    "plural": false,
    "selections": [
      (v1/*:: as any*/),
      (v2/*:: as any*/)
    ],
    "storageKey": "at(date:\"2009-06-01\")"
  }
];
return {
  "fragment": {
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "TimeTravelBothQuery",
    "selections": (v3/*:: as any*/),
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "TimeTravelBothQuery",
    "selections": (v3/*:: as any*/)
  },
  "params": {
    "cacheID": "e9641c11df9d560eaf68f8af8e623935",
    "id": null,
    "metadata": {},
    "name": "TimeTravelBothQuery",
    "operationKind": "query",
    "text": "query TimeTravelBothQuery {\n  divisions {\n    id\n    name\n  }\n  internationalStaff {\n    id\n    childCount\n  }\n  past: at(date: \"2009-06-01\") {\n    divisions {\n      id\n      name\n    }\n    internationalStaff {\n      id\n      childCount\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "56804cd3da782926086fa7f13a45cb58";

export default node;
