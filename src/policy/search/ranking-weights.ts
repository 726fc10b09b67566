// Weights of the reranker's features, in rerank.ts FEATURES order.
// HAND_WEIGHTS: set by hand (the prior the learning pulls towards).
// RANKING_WEIGHTS: learned by scripts/learn-ranking.ts (`node dist/scripts/learn-ranking.js --write`).
export const HAND_WEIGHTS: readonly number[] = [
  0.5, 0, 0.4, 0, 0, 0, 0, 0.04, 1, 10, 0.2, -0.3, -0.1, 0.2, -0.18, 0.12, 0.05, 0.075, 0.075, 0.12, 0.2, -0.1, 0.15, 0.05, 0.03, 0, 0,
];

export const RANKING_WEIGHTS: readonly number[] = [
  1.5, -0.15, 0.1, 0, 0, 0.12, 2, 0.16, 0.5, 0.6, 0.28, -0.1, 0.13, 0.8, -0.18, 0.15, 0.25, 0.875, 0.175, -0.48, 0.2, -1.1, 1.25, 1.05, -0.17, 1.2, 0.4,
];
