// A table of records under its column headings, as the office screens show them: on a phone it scrolls sideways
// within the page rather than widening the page.
import type { ReactNode } from 'react';

export function WideTable({
  headings,
  className,
  testId,
  children,
}: {
  headings: string[];
  /** Beside `report-kinds`, the table's look. */
  className?: string;
  testId?: string;
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className={className ? `report-kinds ${className}` : 'report-kinds'} data-testid={testId}>
        <thead>
          <tr>
            {headings.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
