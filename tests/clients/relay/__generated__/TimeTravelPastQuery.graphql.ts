/**
 * @generated SignedSource<<bd3891c839123fe4e5e70f3671e50c3a>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type TimeTravelPastQuery$variables = Record<PropertyKey, never>;
export type TimeTravelPastQuery$data = {
  readonly at: {
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
};
export type TimeTravelPastQuery = {
  response: TimeTravelPastQuery$data;
  variables: TimeTravelPastQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "kind": "Literal",
    "name": "date",
    "value": "2009-06-01"
  }
],
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v3 = {
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
    "name": "TimeTravelPastQuery",
    "selections": [
      {
        "alias": null,
        "args": (v0/*:: as any*/),
        "concreteType": "DatedView",
        "kind": "LinkedField",
        "name": "at",
        "plural": false,
        "selections": [
          {
            "alias": null,
            "args": null,
            "concreteType": "InternationalStaff",
            "kind": "LinkedField",
            "name": "internationalStaff",
            "plural": false,
            "selections": [
              (v1/*:: as any*/),
              (v2/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": "UnitConnection",
                "kind": "LinkedField",
                "name": "units",
                "plural": false,
                "selections": [
                  (v3/*:: as any*/),
                  {
                    "alias": null,
                    "args": null,
                    "concreteType": null,
                    "kind": "LinkedField",
                    "name": "nodes",
                    "plural": true,
                    "selections": [
                      (v1/*:: as any*/),
                      (v2/*:: as any*/)
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
        "storageKey": "at(date:\"2009-06-01\")"
      }
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "TimeTravelPastQuery",
    "selections": [
      {
        "alias": null,
        "args": (v0/*:: as any*/),
        "concreteType": "DatedView",
        "kind": "LinkedField",
        "name": "at",
        "plural": false,
        "selections": [
          {
            "alias": null,
            "args": null,
            "concreteType": "InternationalStaff",
            "kind": "LinkedField",
            "name": "internationalStaff",
            "plural": false,
            "selections": [
              (v1/*:: as any*/),
              (v2/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": "UnitConnection",
                "kind": "LinkedField",
                "name": "units",
                "plural": false,
                "selections": [
                  (v3/*:: as any*/),
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
                      (v1/*:: as any*/),
                      (v2/*:: as any*/)
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
        "storageKey": "at(date:\"2009-06-01\")"
      }
    ]
  },
  "params": {
    "cacheID": "a69958267ac48ee025d1f21e3a0b3bd1",
    "id": null,
    "metadata": {},
    "name": "TimeTravelPastQuery",
    "operationKind": "query",
    "text": "query TimeTravelPastQuery {\n  at(date: \"2009-06-01\") {\n    internationalStaff {\n      id\n      name\n      units {\n        totalCount\n        nodes {\n          __typename\n          id\n          name\n        }\n      }\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "2f391e08e77e285f5c788993a1989d04";

export default node;
