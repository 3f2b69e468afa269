// autocannon ships no types; this covers the part the benchmark uses.
declare module 'autocannon' {
  export interface Histogram {
    average: number;
    p50: number;
    p99: number;
    max: number;
  }
  export interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  export interface Client {
    setRequests(requests: Request[]): void;
  }
  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Replaces each [<id>] in the body with a fresh random id per request. */
    idReplacement?: boolean;
    requests?: Request[];
    setupClient?: (client: Client) => void;
  }
  function autocannon(options: Options): Promise<Result> & { stop(): void };
  export default autocannon;
}
