/**
 * Holds the graph being served. A reload loads and checks a new graph off the request path, builds
 * its indexes, and swaps it in only when valid; requests already running keep the graph they
 * started with.
 */
import { loadSeed } from '../graph/load-seed';
import type { OrgGraph } from '../graph/org-graph';
import { warmIndexes } from '../graph/warm-indexes';

export class GraphStore {
  private graph: OrgGraph;
  private reloading: Promise<OrgGraph> | undefined;
  private stopping = false;

  constructor(graph: OrgGraph) {
    this.graph = graph;
  }

  static async open(dir: string): Promise<GraphStore> {
    return new GraphStore(warmIndexes(await loadSeed(dir)));
  }

  get current(): OrgGraph {
    return this.graph;
  }

  /** Whether the process is shutting down: `/readyz` answers 503, so balancers stop sending. */
  get draining(): boolean {
    return this.stopping;
  }

  /** Marks the process as shutting down; the graph is still served to requests in flight. */
  drain(): void {
    this.stopping = true;
  }

  /**
   * Loads the seed directory again. On success the new graph is served from the next request on;
   * on failure the error is thrown and the old graph stays. Concurrent calls share one load.
   */
  reload(dir: string = this.graph.meta.dir): Promise<OrgGraph> {
    this.reloading ??= loadSeed(dir)
      .then((graph) => {
        // Indexes are built before the swap, so no request waits for them.
        this.graph = warmIndexes(graph);
        return graph;
      })
      .finally(() => {
        this.reloading = undefined;
      });
    return this.reloading;
  }
}
