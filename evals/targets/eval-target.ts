import type { ChatMessage } from '../../server/contract.js';
import type { ObservedResponse } from '../case-metrics.js';
import type { Mode } from '../report-types.js';

/** What the runner talks to: the answer function in this process, or a running server over HTTP. */
export interface EvalTarget {
  /** "in-process" or the server's base URL, for the report. */
  name: string;
  /** The build id of the index answering, when the target can say. */
  indexBuildId(): Promise<string | null>;
  /** Asks the question the way a client would. */
  ask(options: { messages: ChatMessage[]; mode: Mode }): Promise<ObservedResponse>;
  /** Ranked section ids for the conversation, or null when the target cannot expose its ranking. */
  rank(options: { messages: ChatMessage[]; mode: Mode; limit: number }): Promise<string[] | null>;
}
