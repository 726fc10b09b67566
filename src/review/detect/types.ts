import type { Finding, FindingType } from "../types";

/** where detectors put what they find; one per review */
export interface Sink {
  readonly text: string;
  add(type: FindingType, start: number, end: number, confidence: number, reason: string): void;
}

export type Detector = (text: string, sink: Sink) => void;

export type { Finding, FindingType };
