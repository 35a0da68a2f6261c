export interface SentimentReading {
  sentiment: string;
  confidence: number;
}

const SCORE: Record<string, number> = { positive: 1, neutral: 0, negative: -1 };

/**
 * A worsening trend over successive messages: the last three confident readings go steadily down
 * and end negative (positive → neutral → negative, neutral → negative → negative), or three in a
 * row are negative. A single unhappy message is not a trend.
 */
export function isWorsening(readings: SentimentReading[], minConfidence = 0.5): boolean {
  const scores = readings.filter((r) => r.confidence >= minConfidence && r.sentiment in SCORE).map((r) => SCORE[r.sentiment]);
  if (scores.length < 3) return false;
  const [a, b, c] = scores.slice(-3);
  if (c !== -1) return false;
  return (a > b && b >= c) || (a >= b && b > c) || (a === -1 && b === -1);
}
