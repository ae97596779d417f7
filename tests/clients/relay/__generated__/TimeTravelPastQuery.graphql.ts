/**
 * @generated SignedSource<<33bcd6c6ad9e327145e750d4ac473c16>>
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
      readonly units: ReadonlyArray<{
        readonly id: string;
        readonly name: string;
      }>;
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
                "concreteType": null,
                "kind": "LinkedField",
                "name": "units",
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
                "concreteType": null,
                "kind": "LinkedField",
                "name": "units",
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
        "storageKey": "at(date:\"2009-06-01\")"
      }
    ]
  },
  "params": {
    "cacheID": "831f0cca6fe242b6ceacd8200f66c521",
    "id": null,
    "metadata": {},
    "name": "TimeTravelPastQuery",
    "operationKind": "query",
    "text": "query TimeTravelPastQuery {\n  at(date: \"2009-06-01\") {\n    internationalStaff {\n      id\n      name\n      units {\n        __typename\n        id\n        name\n      }\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "026def34ecf647df87eea6aed4cd558b";

export default node;
