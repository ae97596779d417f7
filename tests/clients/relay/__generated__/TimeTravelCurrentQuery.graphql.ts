/**
 * @generated SignedSource<<038be93debc7880db83f1fd221f541fe>>
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
    readonly units: ReadonlyArray<{
      readonly id: string;
      readonly name: string;
    }>;
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
            "concreteType": null,
            "kind": "LinkedField",
            "name": "units",
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
              (v0/*:: as any*/),
              (v1/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      }
    ]
  },
  "params": {
    "cacheID": "8b049ecd2fcf9a3cff17e1af6816110d",
    "id": null,
    "metadata": {},
    "name": "TimeTravelCurrentQuery",
    "operationKind": "query",
    "text": "query TimeTravelCurrentQuery {\n  internationalStaff {\n    id\n    name\n    units {\n      __typename\n      id\n      name\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "6d1e298bccce140495b835f14bf8b55c";

export default node;
