/**
 * Holds the graph being served. A reload loads and checks a new graph off the request path, builds
 * its indexes, and swaps it in only when valid; requests already running keep the graph they
 * started with. The first graph is served as soon as it is loaded: its indexes are built by
 * `warmUp()`, which the server calls once it listens (warm-indexes.ts says why that is safe).
 */
import { loadSeed } from '../graph/load-seed';
import type { OrgGraph } from '../graph/org-graph';
import { warmIndexes, warmIndexesInTurns } from '../graph/warm-indexes';

/** Loads and checks a seed directory (from YAML, or from its snapshot: see graph-loading.ts). */
export type GraphLoader = (dir: string) => Promise<OrgGraph>;

export class GraphStore {
  private graph: OrgGraph;
  private readonly load: GraphLoader;
  private reloading: Promise<OrgGraph> | undefined;
  private stopping = false;

  constructor(graph: OrgGraph, load: GraphLoader = loadSeed) {
    this.graph = graph;
    this.load = load;
  }

  /** Loads the first graph; its indexes are not built yet (see `warmUp`). */
  static async open(dir: string, load: GraphLoader = loadSeed): Promise<GraphStore> {
    return new GraphStore(await load(dir), load);
  }

  /**
   * Builds the current graph's indexes one per turn of the event loop, each after `pause` (see
   * warmIndexesInTurns), so requests are answered in between; resolves when all are built.
   */
  async warmUp(pause?: () => Promise<void>): Promise<void> {
    await warmIndexesInTurns(this.graph, pause);
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
    this.reloading ??= this.load(dir)
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
