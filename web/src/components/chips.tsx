import Chip, { type ChipProps } from '@mui/material/Chip';
import { useRecordContext, useTranslate } from 'react-admin';
import { roleTones, stateTones, tierColors, type Tier } from './vocabulary';

interface SourceProps {
  source?: string;
  /** Read by react-admin's layouts for the column/field label. */
  label?: string;
  size?: ChipProps['size'];
}

/** A tier as a coloured chip, translated; a school without a tier shows "no tier yet". */
export function TierChip({ tier, size = 'small' }: { tier: string | null | undefined; size?: ChipProps['size'] }) {
  const translate = useTranslate();
  const key = (tier ?? 'none') as Tier | 'none';
  const color = tierColors[key] ?? tierColors.none;
  return (
    <Chip
      size={size}
      label={translate(`app.tier.${key}`, { _: tier ?? '' })}
      variant={tier ? 'filled' : 'outlined'}
      sx={tier ? { bgcolor: color, color: '#fff', fontWeight: 500 } : { color: 'text.secondary' }}
    />
  );
}

export function TierField({ source = 'tier', size }: SourceProps) {
  const record = useRecordContext();
  if (!record) return null;
  return <TierChip tier={record[source] as string | null} size={size} />;
}

/**
 * A state as a chip. The same state name can read differently per record type ("open" is an
 * evaluation under way but an unanswered feedback): app.state_by_entity overrides app.state.
 */
export function StateChip({ state, entity, size = 'small' }: { state: string | null | undefined; entity?: string; size?: ChipProps['size'] }) {
  const translate = useTranslate();
  if (!state) return null;
  const general = translate(`app.state.${state}`, { _: state });
  const label = entity ? translate(`app.state_by_entity.${entity}.${state}`, { _: general }) : general;
  return <Chip size={size} color={stateTones[state] ?? 'default'} label={label} />;
}

/** The record's state as a chip; `entity` reads it in that record type's words. */
export function StateField({ source = 'status', size, entity }: SourceProps & { entity?: string }) {
  const record = useRecordContext();
  if (!record) return null;
  return <StateChip state={record[source] as string | null} entity={entity} size={size} />;
}

/**
 * A role as a chip. `inverse`: on a dark ground (the app bar), white text and outline, since the
 * role's colour would read 1.5–2.7:1 there.
 */
export function RoleChip({ role, size = 'small', variant = 'filled', inverse = false }: { role: string | undefined; size?: ChipProps['size']; variant?: ChipProps['variant']; inverse?: boolean }) {
  const translate = useTranslate();
  if (!role) return null;
  const label = translate(`app.role.${role}`, { _: role });
  if (inverse) return <Chip size={size} variant="outlined" label={label} sx={{ color: '#fff', borderColor: 'rgba(255,255,255,0.75)' }} />;
  return <Chip size={size} variant={variant} color={roleTones[role] ?? 'default'} label={label} />;
}

export function RoleField({ source = 'role', size }: SourceProps) {
  const record = useRecordContext();
  if (!record) return null;
  return <RoleChip role={record[source] as string} size={size} />;
}

/** A vocabulary value (action, entity type, school kind…) translated under `prefix`, raw if unknown. */
export function TranslatedField({ source, prefix }: SourceProps & { source: string; prefix: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source] as string | null | undefined;
  if (value == null || value === '') return null;
  return <span>{translate(`${prefix}.${value}`, { _: value })}</span>;
}
