/**
 * The documents the Relay store test runs, compiled by relay-compiler into __generated__/
 * (`npm run relay`); the test checks the artifacts are current.
 */
const graphql = (strings: TemplateStringsArray) => strings.join('');

export const BOTH = graphql`
  query TimeTravelBothQuery {
    divisions {
      id
      name
    }
    internationalStaff {
      id
      childCount
    }
    past: at(date: "2009-06-01") {
      divisions {
        id
        name
      }
      internationalStaff {
        id
        childCount
      }
    }
  }
`;

export const CURRENT = graphql`
  query TimeTravelCurrentQuery {
    internationalStaff {
      id
      name
      units {
        totalCount
        nodes {
          id
          name
        }
      }
    }
  }
`;

export const PAST = graphql`
  query TimeTravelPastQuery {
    at(date: "2009-06-01") {
      internationalStaff {
        id
        name
        units {
          totalCount
          nodes {
            id
            name
          }
        }
      }
    }
  }
`;
