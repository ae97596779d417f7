/**
 * @generated SignedSource<<d141c3c26adb7592b59c1ae15352c53e>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type TimeTravelCurrentQuery$variables = Record<PropertyKey, never>;
export type TimeTravelCurrentQuery$data = {
  readonly internationalStaff: {
    readonly id: string;
    readonly name: string;
    readonly units: {
      readonly nodes: ReadonlyArray<{
        readonly id: string;
        readonly name: string;
      }>;
      readonly totalCount: number;
    };
  } | null | undefined;
};
export type TimeTravelCurrentQuery = {
  response: TimeTravelCurrentQuery$data;
  variables: TimeTravelCurrentQuery$variables;
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
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "totalCount",
  "storageKey": null
};
return {
  "fragment": {
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "TimeTravelCurrentQuery",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "InternationalStaff",
        "kind": "LinkedField",
        "name": "internationalStaff",
        "plural": false,
        "selections": [
          (v0/*:: as any*/),
          (v1/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "UnitConnection",
            "kind": "LinkedField",
            "name": "units",
            "plural": false,
            "selections": [
              (v2/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": null,
                "kind": "LinkedField",
                "name": "nodes",
                "plural": true,
                "selections": [
                  (v0/*:: as any*/),
                  (v1/*:: as any*/)
                ],
                "storageKey": null
              }
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      }
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "TimeTravelCurrentQuery",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "InternationalStaff",
        "kind": "LinkedField",
        "name": "internationalStaff",
        "plural": false,
        "selections": [
          (v0/*:: as any*/),
          (v1/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "UnitConnection",
            "kind": "LinkedField",
            "name": "units",
            "plural": false,
            "selections": [
              (v2/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": null,
                "kind": "LinkedField",
                "name": "nodes",
                "plural": true,
                "selections": [
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "__typename",
                    "storageKey": null
                  },
                  (v0/*:: as any*/),
                  (v1/*:: as any*/)
                ],
                "storageKey": null
              }
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      }
    ]
  },
  "params": {
    "cacheID": "32cc74a5a03579e976f5ad8d3f06581b",
    "id": null,
    "metadata": {},
    "name": "TimeTravelCurrentQuery",
    "operationKind": "query",
    "text": "query TimeTravelCurrentQuery {\n  internationalStaff {\n    id\n    name\n    units {\n      totalCount\n      nodes {\n        __typename\n        id\n        name\n      }\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "3e8b70dedc537477974cbd07fb7cde6e";

export default node;
