import { useCallback } from 'react';
import { Pagination, useListContext, useLocaleState, useTranslate, type PaginationProps } from 'react-admin';
import { formatNumber } from '../dates';

/** Whether a list's total is the server's estimate (X-Total-Estimated, issue 15: exact up to 10,000 records). */
export function isTotalEstimated(meta: unknown): boolean {
  return typeof meta === 'object' && meta !== null && (meta as { totalEstimated?: unknown }).totalEstimated === true;
}

/** An estimate rounded to what it is worth: two significant digits (3,498,112 → 3,500,000). */
export function roundEstimate(total: number): number {
  if (total < 100) return total;
  const unit = 10 ** (Math.floor(Math.log10(total)) - 1);
  return Math.round(total / unit) * unit;
}

/**
 * react-admin's pagination, which says "about N" (约 N) when the list's total is an estimate: the
 * server counts a list exactly up to a bound and estimates beyond it, so that opening the students of
 * every school does not count 3.5 million rows.
 */
export function ListPagination(props: PaginationProps) {
  const { meta } = useListContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const estimated = isTotalEstimated(meta);
  const about = useCallback(
    ({ from, to, count }: { from: number; to: number; count: number }) => translate('app.list.page_range_about', {
      offsetBegin: formatNumber(from, locale), offsetEnd: formatNumber(to, locale), total: formatNumber(roundEstimate(count), locale),
    }),
    [translate, locale],
  );
  return <Pagination {...props} {...(estimated ? { labelDisplayedRows: about } : {})} />;
}
