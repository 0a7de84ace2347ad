import { memo, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  ArrayInput,
  BooleanInput,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  useSimpleFormIterator,
  useSourceContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { missingForSubmit } from '@campus/common';
import { useTierChoices } from '../../components/choices';
import type { TierPolicy } from '../../components/policy/thresholds';
import { FieldComment, SectionComments } from './ReviewComments';
import type { TargetWarning } from './policy-targets';
import type { PlanFormValues } from './plan-model';

const wholeNumber: Validator = (value) =>
  value == null || value === '' || Number.isInteger(Number(value)) ? undefined : 'app.workflow.validation.whole_number';

const count = [wholeNumber, minValue(0), maxValue(100_000)];
const label = (key: string) => `resources.applications.fields.${key}`;

/** One titled part of the plan; flagged when the server said something in it is missing. */
export function Section({ id, title, subtitle, children, flagged }: { id: string; title: string; subtitle?: ReactNode; children: ReactNode; flagged?: boolean }) {
  const translate = useTranslate();
  return (
    <Card
      variant="outlined"
      id={`section-${id}`}
      data-testid={`section-${id}`}
      data-flagged={flagged ? 'true' : undefined}
      sx={{ mb: 2, ...(flagged ? { borderColor: 'error.main', borderWidth: 2 } : {}) }}
    >
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ fontSize: '1.05rem', fontWeight: 600 }}>{translate(title)}</Typography>
        {subtitle ? <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{subtitle}</Typography> : null}
        <Box sx={{ mt: 1 }}>{children}</Box>
      </CardContent>
    </Card>
  );
}

function Warnings({ warnings, field }: { warnings: TargetWarning[]; field: TargetWarning['field'] }) {
  const translate = useTranslate();
  const mine = warnings.filter((w) => w.field === field);
  if (!mine.length) return null;
  return (
    <>
      {mine.map((w) => (
        <Alert key={w.message} severity="warning" sx={{ py: 0, mt: 0.5 }} data-testid={`threshold-warning-${field}`}>
          {translate(w.message, w.args)}
        </Alert>
      ))}
    </>
  );
}

/** "The tier asks at least 200" beside a target, or "none for this tier". */
function Threshold({ value, unit, percent }: { value: unknown; unit?: string; percent?: boolean }) {
  const translate = useTranslate();
  if (value === undefined) return null;
  const shown = value == null
    ? translate('app.threshold.none')
    : `≥ ${percent ? Math.round(Number(value) * 10000) / 100 : value}${percent ? '%' : unit ? ` ${translate(`app.unit.${unit}`, { smart_count: Number(value) })}` : ''}`;
  return (
    <Typography variant="caption" color="text.secondary" component="div" data-testid="tier-threshold">
      {translate('resources.applications.form.tier_requires')}：{shown}
    </Typography>
  );
}

function TierSectionView({ policy, canChangeTier }: { policy?: TierPolicy; canChangeTier: boolean }) {
  const translate = useTranslate();
  const choices = useTierChoices();
  const tier = useWatch<PlanFormValues, 'tier'>({ name: 'tier' });
  return (
    <Section id="tier" title="resources.applications.sections.tier">
      <SectionComments prefix="tier" />
      <SelectInput source="tier" choices={choices} label={label('tier')} disabled={!canChangeTier} sx={{ minWidth: 260 }} helperText={false} />
      {tier ? <Typography variant="body2" color="text.secondary">{translate(`app.tier_description.${tier}`)}</Typography> : null}
      {policy ? (
        <Box sx={{ mt: 1, display: 'flex', flexWrap: 'wrap', gap: 0.5 }} data-testid="policy-summary">
          <Chip size="small" variant="outlined" label={translate('app.dashboard.policy_in_force', { year: policy.effectiveYear })} />
          {policy.requiresSigning ? <Chip size="small" label={translate('resources.tier-policies.fields.requiresSigning')} /> : null}
          {policy.requiresPlaque ? <Chip size="small" label={translate('resources.tier-policies.fields.requiresPlaque')} /> : null}
          {policy.requiresInspection ? <Chip size="small" label={translate('resources.tier-policies.fields.requiresInspection')} /> : null}
          <Chip size="small" label={`${translate('resources.tier-policies.fields.termYears')} ${policy.termYears} ${translate('app.unit.years', { smart_count: policy.termYears })}`} />
        </Box>
      ) : null}
    </Section>
  );
}

/**
 * The plan fields the submit (and resubmit) guard demands for this tier, read off the shared guard
 * itself (an empty plan names every one), so a mark never disagrees with what the server refuses.
 */
export function useSubmitRequired() {
  const tier = useWatch<PlanFormValues, 'tier'>({ name: 'tier' });
  const fields = new Set(missingForSubmit({ tier: tier ?? 'partner_school', plan: {}, pledge: true, planItems: [], input: {} }).map((p) => p.field));
  return (field: string) => fields.has(field);
}

function ContactSectionView() {
  const translate = useTranslate();
  const isRequired = useSubmitRequired();
  // Marked like react-admin marks a required input (label *), without blocking the draft's autosave.
  const marked = (key: string) => (isRequired(key) ? { label: `${translate(label(key))} *`, slotProps: { htmlInput: { 'aria-required': true } } } : { label: label(key) });
  return (
    <Section id="contact" title="resources.applications.sections.contact">
      <SectionComments prefix="plan.contact" />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <TextInput source="plan.contact.name" {...marked('plan.contact.name')} validate={maxLength(200)} helperText={false} />
          <FieldComment path="plan.contact.name" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <TextInput source="plan.contact.phone" {...marked('plan.contact.phone')} validate={maxLength(30)} helperText={false} />
          <FieldComment path="plan.contact.phone" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <TextInput source="plan.contact.email" label={label('plan.contact.email')} validate={maxLength(200)} helperText={false} />
        </Grid>
      </Grid>
    </Section>
  );
}

function QualificationsSectionView() {
  const translate = useTranslate();
  const tier = useWatch<PlanFormValues, 'tier'>({ name: 'tier' });
  const industryCollege = tier === 'industry_college';
  const required = (key: string) => `${translate(label(key))}${industryCollege ? ' *' : ''}`;
  return (
    <Section
      id="qualifications"
      title="resources.applications.sections.qualifications"
      subtitle={translate(industryCollege ? 'resources.applications.form.qualifications_ic' : 'resources.applications.form.qualifications_other')}
    >
      <SectionComments prefix="plan.qualifications" />
      <BooleanInput source="plan.qualifications.cbecDisciplineBase" label={`${translate(label('plan.qualifications.cbecDisciplineBase'))} *`} helperText={false} />
      <FieldComment path="plan.qualifications.cbecDisciplineBase" />
      <BooleanInput source="plan.qualifications.talentTrainingValued" label={required('plan.qualifications.talentTrainingValued')} helperText={false} />
      <FieldComment path="plan.qualifications.talentTrainingValued" />
      <TextInput
        source="plan.qualifications.longTermPlan"
        label={required('plan.qualifications.longTermPlan')}
        multiline
        minRows={3}
        fullWidth
        validate={maxLength(5000)}
        helperText="resources.applications.form.long_term_plan_help"
      />
      <FieldComment path="plan.qualifications.longTermPlan" />
      <TextInput
        source="plan.qualifications.disciplineDescription"
        label={label('plan.qualifications.disciplineDescription')}
        multiline
        minRows={2}
        fullWidth
        validate={maxLength(5000)}
        helperText={false}
      />
      <FieldComment path="plan.qualifications.disciplineDescription" />
    </Section>
  );
}

function SummarySectionView() {
  return (
    <Section id="summary" title="resources.applications.sections.summary">
      <SectionComments prefix="plan.summary" />
      <TextInput
        source="plan.summary"
        label={`${label('plan.summary')}`}
        multiline
        minRows={4}
        fullWidth
        validate={maxLength(5000)}
        helperText="resources.applications.form.summary_help"
      />
    </Section>
  );
}

function TargetsSectionView({ policy, warnings }: { policy?: TierPolicy; warnings: TargetWarning[] }) {
  const translate = useTranslate();
  const p = (field: string) => (policy ? policy[field] : undefined);
  return (
    <Section id="targets" title="resources.applications.sections.targets" subtitle={translate('resources.applications.form.targets_help')}>
      <SectionComments prefix="plan.targets" />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <NumberInput source="plan.targets.certificates1x" label={label('plan.targets.certificates1x')} validate={count} min={0} step={1} helperText={false} />
          <Threshold value={p('certificates1x')} unit="students" />
          <Warnings warnings={warnings} field="plan.targets.certificates1x" />
          <FieldComment path="plan.targets.certificates1x" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <NumberInput source="plan.targets.certificatesOperator" label={label('plan.targets.certificatesOperator')} validate={count} min={0} step={1} helperText={false} />
          <Threshold value={p('certificatesOperator')} unit="students" />
          <Warnings warnings={warnings} field="plan.targets.certificatesOperator" />
          <FieldComment path="plan.targets.certificatesOperator" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <NumberInput
            source="plan.targets.jobPlatformRate"
            label={label('plan.targets.jobPlatformRate')}
            validate={[minValue(0), maxValue(100)]}
            min={0}
            max={100}
            step={1}
            helperText={false}
            slotProps={{ input: { endAdornment: <span>%</span> } }}
          />
          <Threshold value={p('jobPlatformRate')} percent />
          <Warnings warnings={warnings} field="plan.targets.jobPlatformRate" />
          <FieldComment path="plan.targets.jobPlatformRate" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <NumberInput
            source="plan.targets.practiceHoursPerStudent"
            label={label('plan.targets.practiceHoursPerStudent')}
            validate={[minValue(0), maxValue(10_000)]}
            min={0}
            helperText={false}
          />
          <Threshold value={p('practiceHours')} unit="hours_per_student" />
          <Warnings warnings={warnings} field="plan.targets.practiceHoursPerStudent" />
          <FieldComment path="plan.targets.practiceHoursPerStudent" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <NumberInput source="plan.targets.studentsPerYear" label={label('plan.targets.studentsPerYear')} validate={[wholeNumber, minValue(0), maxValue(1_000_000)]} min={0} step={1} helperText={false} />
          <FieldComment path="plan.targets.studentsPerYear" />
        </Grid>
      </Grid>
    </Section>
  );
}

/** HQ's decision on an item that needs platform support, once made (kept while the item is unchanged). */
function ItemDecision() {
  const translate = useTranslate();
  const sourceContext = useSourceContext();
  const approved = useWatch({ name: sourceContext.getSource('approved') }) as boolean | null | undefined;
  const needs = useWatch({ name: sourceContext.getSource('needsPlatformSupport') }) as boolean | undefined;
  if (!needs || approved == null) return null;
  return (
    <Chip
      size="small"
      sx={{ alignSelf: 'center' }}
      color={approved ? 'success' : 'error'}
      label={translate(approved ? 'resources.applications.support.approved' : 'resources.applications.support.declined')}
    />
  );
}

/** "添加讲师" rather than a bare plus sign: what a row adds is said in words. */
function AddRow({ label }: { label: string }) {
  const translate = useTranslate();
  const { add, source } = useSimpleFormIterator();
  return (
    <Button size="small" startIcon={<AddIcon />} onClick={() => add({ details: {}, needsPlatformSupport: false })} className={`button-add button-add-${source}`}>
      {translate(label)}
    </Button>
  );
}

const support = (
  <BooleanInput
    key="support"
    source="needsPlatformSupport"
    label="resources.applications.fields.item.needsPlatformSupport"
    helperText={false}
    sx={{ alignSelf: 'center', '& .MuiFormControlLabel-label': { whiteSpace: 'nowrap' } }}
  />
);

function InstructorsSectionView({ warnings, flagged }: { warnings: TargetWarning[]; flagged?: boolean }) {
  const translate = useTranslate();
  const levels = ['junior', 'intermediate', 'senior'].map((id) => ({ id, name: translate(`resources.applications.level.${id}`) }));
  return (
    <Section id="instructors" title="resources.applications.sections.instructors" subtitle={translate('resources.applications.form.instructors_help')} flagged={flagged}>
      <SectionComments prefix="plan.instructors" />
      <Warnings warnings={warnings} field="items.instructor" />
      <ArrayInput source="items.instructor" label={false}>
        <SimpleFormIterator inline disableReordering disableClear fullWidth addButton={<AddRow label="resources.applications.form.add_instructor" />}>
          <TextInput source="details.name" label="resources.applications.fields.item.name" validate={maxLength(200)} helperText={false} />
          <TextInput source="details.certNo" label="resources.applications.fields.item.certNo" validate={maxLength(100)} helperText={false} />
          <SelectInput source="details.level" label="resources.applications.fields.item.level" choices={levels} helperText={false} sx={{ minWidth: 140 }} />
          {support}
          <ItemDecision />
        </SimpleFormIterator>
      </ArrayInput>
    </Section>
  );
}

export interface CatalogueCourse {
  id: number;
  kind: string;
  code: string | null;
  title: string;
  level: string | null;
  classHours: number | null;
}

function ResourcesSectionView({ catalogue, flagged }: { catalogue: CatalogueCourse[]; flagged?: boolean }) {
  const translate = useTranslate();
  const choices = catalogue.map((c) => ({
    id: c.id,
    name: `${c.title} · ${translate(`resources.applications.course_kind.${c.kind}`, { _: c.kind })}${c.classHours ? ` · ${c.classHours} ${translate('app.unit.hours', { smart_count: c.classHours })}` : ''}`,
  }));
  return (
    <Section id="resources" title="resources.applications.sections.resources" subtitle={translate('resources.applications.form.resources_help')} flagged={flagged}>
      <SectionComments prefix="plan.teachingResources" />
      <ArrayInput source="items.teaching_resource" label={false}>
        <SimpleFormIterator inline disableReordering disableClear fullWidth addButton={<AddRow label="resources.applications.form.add_resource" />}>
          <SelectInput source="details.courseId" label="resources.applications.fields.item.course" choices={choices} helperText={false} sx={{ minWidth: 420 }} />
          {support}
          <ItemDecision />
        </SimpleFormIterator>
      </ArrayInput>
    </Section>
  );
}

function PracticeSectionView() {
  const translate = useTranslate();
  return (
    <Section id="practice" title="resources.applications.sections.practice" subtitle={translate('resources.applications.form.practice_help')}>
      <SectionComments prefix="plan.practicePlan" />
      <SectionComments prefix="plan.practiceProjects" />
      <TextInput source="plan.practicePlan" label={label('plan.practicePlan')} multiline minRows={3} fullWidth validate={maxLength(5000)} helperText={false} />
      <Typography variant="subtitle2" sx={{ mt: 1 }}>{translate('resources.applications.form.practice_projects')}</Typography>
      <ArrayInput source="items.practice_project" label={false}>
        <SimpleFormIterator inline disableReordering disableClear fullWidth addButton={<AddRow label="resources.applications.form.add_project" />}>
          <TextInput source="title" label="resources.applications.fields.item.project" validate={maxLength(200)} helperText={false} sx={{ minWidth: 260 }} />
          <NumberInput source="details.hoursPerStudent" label="resources.applications.fields.item.hoursPerStudent" validate={[minValue(0), maxValue(10_000)]} min={0} helperText={false} />
          <NumberInput source="details.students" label="resources.applications.fields.item.students" validate={count} min={0} helperText={false} />
          {support}
          <ItemDecision />
        </SimpleFormIterator>
      </ArrayInput>
    </Section>
  );
}

function JobFairsSectionView({ warnings }: { warnings: TargetWarning[] }) {
  const translate = useTranslate();
  const months = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, name: translate('resources.applications.month', { month: i + 1 }) }));
  return (
    <Section id="job-fairs" title="resources.applications.sections.job_fairs">
      <SectionComments prefix="plan.jobFairPlan" />
      <SectionComments prefix="plan.jobFairs" />
      <TextInput source="plan.jobFairPlan" label={label('plan.jobFairPlan')} multiline minRows={2} fullWidth validate={maxLength(5000)} helperText={false} />
      <Warnings warnings={warnings} field="items.job_fair" />
      <ArrayInput source="items.job_fair" label={false}>
        <SimpleFormIterator inline disableReordering disableClear fullWidth addButton={<AddRow label="resources.applications.form.add_fair" />}>
          <TextInput source="title" label="resources.applications.fields.item.fair" validate={maxLength(200)} helperText={false} sx={{ minWidth: 260 }} />
          <SelectInput source="details.plannedMonth" label="resources.applications.fields.item.plannedMonth" choices={months} helperText={false} sx={{ minWidth: 120 }} />
          <NumberInput source="details.employers" label="resources.applications.fields.item.employers" validate={count} min={0} helperText={false} />
          {support}
          <ItemDecision />
        </SimpleFormIterator>
      </ArrayInput>
    </Section>
  );
}

function PledgeSectionView({ flagged }: { flagged?: boolean }) {
  const translate = useTranslate();
  const tier = useWatch<PlanFormValues, 'tier'>({ name: 'tier' });
  const { formState } = useFormContext<PlanFormValues>();
  const error = formState.errors.pledge?.message;
  return (
    <Section id="pledge" title="resources.applications.sections.pledge" flagged={flagged || !!error}>
      <SectionComments prefix="pledge" />
      <BooleanInput
        source="pledge"
        label={translate('resources.applications.form.pledge', { tier: translate(`app.tier.${tier}`) })}
        helperText={false}
      />
    </Section>
  );
}

// Each section reads the form through its own hooks; memo keeps a keystroke or a save status elsewhere in the form from
// re-rendering every section of a long plan (on a phone, typing lagged behind the keys).
export const TierSection = memo(TierSectionView);
export const ContactSection = memo(ContactSectionView);
export const QualificationsSection = memo(QualificationsSectionView);
export const SummarySection = memo(SummarySectionView);
export const TargetsSection = memo(TargetsSectionView);
export const InstructorsSection = memo(InstructorsSectionView);
export const ResourcesSection = memo(ResourcesSectionView);
export const PracticeSection = memo(PracticeSectionView);
export const JobFairsSection = memo(JobFairsSectionView);
export const PledgeSection = memo(PledgeSectionView);
