import { useEffect, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import InputAdornment from '@mui/material/InputAdornment';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { InputHelperText, useInput, useTranslate } from 'react-admin';
import { fromDisplay, thresholdSpecs, toDisplay, validateThreshold, type ThresholdField } from '../../components/policy/thresholds';

const textOf = (n: number | null) => (n === null ? '' : String(n));

/**
 * A threshold as people think of it: percentages for ratios (the API stores 0–1), a unit after
 * the number, and for thresholds a tier may go without, a switch between "threshold" and
 * "no threshold" (null) — never an empty box whose meaning is a guess.
 */
export function ThresholdInput({ source }: { source: ThresholdField }) {
  const spec = thresholdSpecs[source];
  const translate = useTranslate();
  const { field, fieldState, id } = useInput({
    source,
    // react-admin's defaults turn null into '' and '' into null; here null means "no threshold"
    // and an empty box is an unfinished number, so both pass through untouched.
    format: (v: unknown) => v,
    parse: (v: unknown) => v,
    validate: (value: unknown) => {
      if (value === '') return { message: 'ra.validation.required', args: {} };
      const problem = validateThreshold(spec, value);
      return problem ? { message: problem.message, args: problem.args ?? {} } : undefined;
    },
  });
  const value = field.value as number | null | '' | undefined;
  const isNone = spec.nullable && (value === null || value === undefined);
  const [text, setText] = useState(() => textOf(toDisplay(spec, typeof value === 'number' ? value : null)));
  // The last number, so that switching "no threshold" off and on again restores it.
  const remembered = useRef<number | null>(typeof value === 'number' ? value : null);

  // Follow changes that do not come from typing here (form reset, record loaded).
  useEffect(() => {
    const typed = text === '' ? null : fromDisplay(spec, Number(text));
    if (typeof value === 'number' && typed !== value) setText(textOf(toDisplay(spec, value)));
    if (typeof value === 'number') remembered.current = value;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the form value changes
  }, [value]);

  const onText = (next: string) => {
    setText(next);
    const n = Number(next);
    field.onChange(next.trim() === '' ? '' : Number.isFinite(n) ? fromDisplay(spec, n) : Number.NaN);
  };

  const onSwitch = (hasThreshold: boolean) => {
    if (hasThreshold) {
      const restored = remembered.current ?? fromDisplay(spec, spec.min);
      setText(textOf(toDisplay(spec, restored)));
      field.onChange(restored);
    } else {
      field.onChange(null);
    }
    field.onBlur();
  };

  const unit = spec.kind === 'ratio' || spec.kind === 'percent' ? '%' : spec.unit ? translate(`app.unit.${spec.unit}`, { smart_count: 2 }) : null;
  const label = translate(`resources.tier-policies.fields.${source}`);
  const error = fieldState.invalid ? fieldState.error?.message : undefined;

  return (
    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap', width: '100%' }}>
      <TextField
        id={id}
        name={field.name}
        label={label}
        type="number"
        size="small"
        value={isNone ? '' : text}
        disabled={isNone}
        placeholder={isNone ? translate('app.threshold.none') : undefined}
        onChange={(e) => onText(e.target.value)}
        onBlur={field.onBlur}
        inputRef={field.ref}
        error={!!error}
        helperText={<InputHelperText error={error} helperText={translate(`app.policy.help.${source}`)} />}
        sx={{ width: { xs: '100%', sm: 340 } }}
        slotProps={{
          htmlInput: { min: spec.min, max: spec.max, step: spec.kind === 'count' ? 1 : 'any' },
          input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : undefined,
          inputLabel: isNone ? { shrink: true } : undefined,
        }}
      />
      {spec.nullable ? (
        <Box sx={{ pt: 0.5 }}>
          <FormControlLabel
            control={<Switch checked={!isNone} onChange={(e) => onSwitch(e.target.checked)} slotProps={{ input: { 'aria-label': `${label}: ${translate('app.threshold.required')}` } }} />}
            label={isNone ? translate('app.threshold.none') : translate('app.threshold.required')}
          />
          {isNone ? <FormHelperText sx={{ maxWidth: 320, mt: 0 }}>{translate('app.threshold.none_help')}</FormHelperText> : null}
        </Box>
      ) : null}
    </Box>
  );
}
