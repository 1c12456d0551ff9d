import type { Progress } from '../../lib/checklist/checklist-status';
import { TableRegion } from '../table-region';

/** What the readiness chart draws: overall and per-section progress. */
export interface ReadinessData {
  overall: Progress;
  sections: Array<{ id: string; title: string; progress: Progress }>;
}

const BAR_WIDTH = 320;
const ROW = 26;
const LABEL = 220;

/**
 * A simple readiness chart: one horizontal bar per section (inline SVG, no
 * script), with a title and description for screen readers and the same
 * figures in a table beside it.
 */
export function ReadinessChart({
  data,
  idPrefix = 'readiness',
}: {
  data: ReadinessData;
  idPrefix?: string;
}) {
  const height = data.sections.length * ROW + 8;
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  return (
    <figure className="readiness">
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${LABEL + BAR_WIDTH + 60} ${height}`}
        width="100%"
        className="readiness-chart"
      >
        <title id={titleId}>Launch readiness by section</title>
        <desc id={descId}>
          {`Overall ${data.overall.done} of ${data.overall.total} items done (${data.overall.percent}%). `}
          {data.sections
            .map(
              (section) =>
                `${section.title}: ${section.progress.done} of ${section.progress.total}`,
            )
            .join('; ')}
        </desc>
        {data.sections.map((section, index) => {
          const y = index * ROW + 4;
          const filled = (section.progress.percent / 100) * BAR_WIDTH;
          return (
            <g key={section.id}>
              <text x={LABEL - 8} y={y + 15} textAnchor="end" className="readiness-label">
                {section.title.length > 30 ? `${section.title.slice(0, 29)}…` : section.title}
              </text>
              <rect
                x={LABEL}
                y={y}
                width={BAR_WIDTH}
                height={18}
                className="readiness-track"
                rx={3}
              />
              <rect x={LABEL} y={y} width={filled} height={18} className="readiness-fill" rx={3} />
              <text x={LABEL + BAR_WIDTH + 6} y={y + 15} className="readiness-label">
                {section.progress.percent}%
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        Overall: {data.overall.done} of {data.overall.total} applicable items done (
        {data.overall.percent}%).
      </figcaption>
      <TableRegion label="Readiness by section">
        <table className="readiness-table">
          <caption>Readiness by section</caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col">Done</th>
              <th scope="col">Applicable</th>
              <th scope="col">Percent</th>
            </tr>
          </thead>
          <tbody>
            {data.sections.map((section) => (
              <tr key={section.id}>
                <th scope="row">{section.title}</th>
                <td>{section.progress.done}</td>
                <td>{section.progress.total}</td>
                <td>{section.progress.percent}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </figure>
  );
}
