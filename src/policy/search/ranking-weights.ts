// Weights of the reranker's features, in rerank.ts FEATURES order.
// HAND_WEIGHTS: set by hand (the prior the learning pulls towards).
// RANKING_WEIGHTS: learned by scripts/learn-ranking.ts (`node dist/scripts/learn-ranking.js --write`).
export const HAND_WEIGHTS: readonly number[] = [
  0.5, 0, 0.4, 0, 0, 0, 0, 0.04, 1, 10, 0.2, -0.3, -0.1, 0.2, -0.18, 0.12, 0.05, 0.075, 0.075, 0.12, 0.2, -0.1, 0.15, 0.05, 0.03, 0, 0,
];

export const RANKING_WEIGHTS: readonly number[] = [
  1.5, -0.1, 0.2, 0, 0.35, 0, 2, 0.22, 1.05, 1, 0.17, -0.2, 0.2, 0.6, -0.38, -0.06, 0.02, 0.675, -0.325, -0.28, 0.8, -1.5, 0.55, 1.05, -0.07, 1.02, -0.4,
];
