import { useState } from 'react';

/** Long lists render a page at a time: 10,000 rows at once would freeze the page. */
export const PAGE_SIZE = 100;

export function useShowMore(total: number) {
  const [visible, setVisible] = useState(PAGE_SIZE);
  return {
    visible: Math.min(visible, total),
    hasMore: visible < total,
    showMore: () => setVisible((v) => v + PAGE_SIZE),
  };
}
