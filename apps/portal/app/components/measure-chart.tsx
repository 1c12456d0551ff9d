import type { ChartModel, ChartPoint } from '../lib/measures/chart';

function Marker({ point }: { point: ChartPoint }) {
  if (point.shape === 'square') {
    return (
      <rect
        x={point.x - 5}
        y={point.y - 5}
        width={10}
        height={10}
        className="measure-point measure-point-remission"
      />
    );
  }
  if (point.shape === 'diamond') {
    return (
      <polygon
        points={`${point.x},${point.y - 7} ${point.x + 7},${point.y} ${point.x},${point.y + 7} ${point.x - 7},${point.y}`}
        className="measure-point measure-point-response"
      />
    );
  }
  return <circle cx={point.x} cy={point.y} r={4.5} className="measure-point" />;
}

/**
 * A server-rendered SVG line chart of one instrument's series (works without
 * JavaScript). It is one image with a text alternative; the data table beside
 * it carries the same numbers for screen readers and print.
 */
export function MeasureChart({ model, titleId }: { model: ChartModel; titleId: string }) {
  const { plot } = model;
  return (
    <svg
      className="measure-chart"
      role="img"
      aria-labelledby={titleId}
      viewBox={`0 0 ${model.width} ${model.height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={titleId}>{model.description}</title>
      {model.remissionBand ? (
        <g>
          <rect
            x={plot.left}
            y={model.remissionBand.y}
            width={plot.right - plot.left}
            height={model.remissionBand.height}
            fill="currentColor"
            opacity={0.08}
          />
          <line
            x1={plot.left}
            x2={plot.right}
            y1={model.remissionBand.y}
            y2={model.remissionBand.y}
            stroke="currentColor"
            strokeWidth={1}
          />
          <text x={plot.right - 4} y={model.remissionBand.y - 4} textAnchor="end" fontSize={12}>
            {model.remissionBand.label}
          </text>
        </g>
      ) : null}
      {model.responseLine ? (
        <g>
          <line
            x1={plot.left}
            x2={plot.right}
            y1={model.responseLine.y}
            y2={model.responseLine.y}
            stroke="currentColor"
            strokeWidth={1.5}
            strokeDasharray="6 4"
          />
          <text x={plot.right - 4} y={model.responseLine.y - 4} textAnchor="end" fontSize={12}>
            {model.responseLine.label}
          </text>
        </g>
      ) : null}
      <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke="currentColor" />
      <line
        x1={plot.left}
        x2={plot.right}
        y1={plot.bottom}
        y2={plot.bottom}
        stroke="currentColor"
      />
      {model.yTicks.map((tick) => (
        <text key={tick.label} x={plot.left - 8} y={tick.y + 4} textAnchor="end" fontSize={12}>
          {tick.label}
        </text>
      ))}
      {model.xTicks.map((tick) => (
        <text key={tick.label} x={tick.x} y={plot.bottom + 18} textAnchor="middle" fontSize={11}>
          {tick.label}
        </text>
      ))}
      <path d={model.path} fill="none" stroke="currentColor" strokeWidth={2} />
      {model.points.map((point, index) => (
        <g key={`${point.takenOn}-${index}`}>
          <Marker point={point} />
          <text x={point.x} y={point.y - 10} textAnchor="middle" fontSize={12} fontWeight="bold">
            {point.total}
          </text>
          {point.label ? (
            <text x={point.x} y={point.y + 20} textAnchor="middle" fontSize={11}>
              {point.label}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}
