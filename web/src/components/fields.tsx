import Chip from '@mui/material/Chip';
import { DateField, useLocaleState, useRecordContext, type DateFieldProps } from 'react-admin';
import { intlLocale } from '../i18n';

/** Dates and instants as read in China (DOMAIN.md: calendar dates are Asia/Shanghai), in the UI language. */
export function LocalDateField({ showTime, ...props }: DateFieldProps) {
  const [locale] = useLocaleState();
  return (
    <DateField
      {...props}
      showTime={showTime}
      locales={intlLocale(locale)}
      options={showTime
        ? { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }
        : { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }}
    />
  );
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
