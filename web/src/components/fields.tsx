import Chip from '@mui/material/Chip';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatWhen } from './dates';

/**
 * Dates and instants as read in China (DOMAIN.md: calendar dates are Asia/Shanghai), in the UI language's one format
 * (components/dates.ts): a calendar date as a day, an instant with its time when `showTime`.
 */
export function LocalDateField({ source, showTime = false, emptyText }: { source: string; showTime?: boolean; emptyText?: string; label?: string; sortable?: boolean; sortBy?: string }) {
  const record = useRecordContext<Record<string, unknown>>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const value = record?.[source];
  if (typeof value !== 'string' || !value) return emptyText ? <span>{translate(emptyText, { _: emptyText })}</span> : null;
  return <span>{formatWhen(value, locale, showTime)}</span>;
}

/** The region's name in the UI language. */
export function useRegionName() {
  const [locale] = useLocaleState();
  return (region: { nameZh?: string; nameEn?: string } | undefined) =>
    (locale === 'en' ? region?.nameEn : region?.nameZh) ?? region?.nameZh ?? '';
}

export function RegionNameField() {
  const record = useRecordContext<{ id: number; nameZh: string; nameEn: string }>();
  const regionName = useRegionName();
  return <span>{regionName(record)}</span>;
}

/** The school's name, with the other language's name under it when there is one. */
export function SchoolNameField() {
  const record = useRecordContext<{ id: number; name: string; nameEn?: string | null }>();
  const [locale] = useLocaleState();
  if (!record) return null;
  const [primary, secondary] = locale === 'en' && record.nameEn ? [record.nameEn, record.name] : [record.name, record.nameEn];
  return (
    <span>
      <span style={{ fontWeight: 500 }}>{primary}</span>
      {secondary ? <span style={{ display: 'block', fontSize: '0.8em', opacity: 0.65 }}>{secondary}</span> : null}
    </span>
  );
}

export function RegionChip() {
  const record = useRecordContext<{ id: number; nameZh: string; nameEn: string }>();
  const regionName = useRegionName();
  if (!record) return null;
  return <Chip size="small" variant="outlined" label={regionName(record)} />;
}
