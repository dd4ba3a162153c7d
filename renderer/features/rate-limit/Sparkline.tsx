import type { RateLimitSample } from '../../../shared/ratelimit';
import { sparkline } from './gauge-math';

/** The recent remaining share as a small line; red dots mark 429s. */
export function Sparkline({
  history,
  width = 80,
  height = 18,
  testId = 'rate-limit-sparkline',
}: {
  history: readonly RateLimitSample[];
  width?: number;
  height?: number;
  testId?: string;
}) {
  const { points, marks } = sparkline(history, width, height);
  const described = history.filter((s) => s.remaining !== undefined || s.status === 429).length;
  return (
    <svg
      className="rate-limit-sparkline"
      data-testid={testId}
      width={width}
      height={height}
      viewBox={`-2 -2 ${width + 4} ${height + 4}`}
      role="img"
      aria-label={`Remaining over the last ${history.length} responses (${described} with a count)`}
    >
      <line x1={0} y1={height} x2={width} y2={height} className="rate-limit-sparkline-base" />
      {points && <polyline points={points} className="rate-limit-sparkline-line" />}
      {marks.map((mark, index) => (
        <circle key={index} cx={mark.x} cy={mark.y} r={2.2} className="rate-limit-sparkline-429" />
      ))}
    </svg>
  );
}
