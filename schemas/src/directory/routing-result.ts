/**
 * How routing explains itself: every agent it looked at, the factors of its score and, for an
 * excluded agent, why.
 */

/** One named term of an agent's score: `points = weight × value`. */
export interface ScoreFactor {
  /** e.g. `proficiency`, `language`, `load`, `idle`, `seniority`. */
  name: string;
  /** 0..1. */
  value: number;
  /** Share of the score, 0..1; the weights sum to 1. */
  weight: number;
  points: number;
  /** The factor in words, e.g. "billing 8/10". */
  note: string;
}

/** An agent routing considered for a target. */
export interface RoutingCandidate {
  agentId: string;
  agentName: string;
  /** 0..1, null when excluded. */
  score: number | null;
  /** `account owner`, `helped this customer last` or null: preferred agents come first whatever their score. */
  preference: string | null;
  factors: ScoreFactor[];
  /** Why the agent cannot take this conversation; null when eligible. */
  excluded: string | null;
  chosen: boolean;
}
