import { Create } from 'react-admin';
import { useNotifySaveError } from '../../components/problem/use-notify-save-error';
import { TierPolicyForm } from './TierPolicyForm';
import { flagFields, thresholdFields } from '../../components/policy/thresholds';

/** A new policy starts with no thresholds; a clone of an existing year starts from its values. */
const defaults = {
  effectiveYear: new Date().getFullYear() + 1,
  certifiedInstructors: null,
  teachingDelivery: null,
  offlineCourses: null,
  offlineCourseMinHours: 32,
  practiceHours: null,
  certificates1x: null,
  certificatesOperator: null,
  jobPlatformRate: null,
  activeResumeCompleteness: 80,
  activeMinApplications: 1,
  jobFairs: null,
  termYears: 1,
  requiresSigning: false,
  requiresPlaque: false,
  requiresInspection: false,
  certificatesVerifiedOnly: false,
};

function toCreateBody(data: Record<string, unknown>) {
  const body: Record<string, unknown> = { tier: data.tier, effectiveYear: data.effectiveYear };
  for (const field of [...thresholdFields, ...flagFields]) body[field] = data[field] ?? (field in defaults ? defaults[field as keyof typeof defaults] : null);
  if (typeof data.comment === 'string' && data.comment.trim()) body.comment = data.comment.trim();
  return body;
}

/** A new version of a tier's thresholds from a given year on (often a clone of the current one). */
export function TierPolicyCreate() {
  const notifySaveError = useNotifySaveError();
  return (
    <Create
      transform={toCreateBody}
      redirect="show"
      mutationOptions={{
        onError: notifySaveError,
      }}
    >
      <TierPolicyForm create defaultValues={defaults} />
    </Create>
  );
}
