import { distance } from "fastest-levenshtein";

/**
 * the candidate a typo most likely meant, for a "did you mean" hint: the nearest by edit distance, when it is
 * near enough (at most a third of the longer word, and at least one edit allowed); undefined otherwise
 */
export function closestWord(typed: string, candidates: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  let best: { candidate: string; edits: number } | undefined;
  for (const candidate of candidates) {
    const edits = distance(word, candidate.toLowerCase());
    const allowed = Math.max(1, Math.floor(Math.max(word.length, candidate.length) / 3));
    if (edits <= allowed && (!best || edits < best.edits)) best = { candidate, edits };
  }
  return best?.candidate;
}
