/** An instructor training as GET /api/instructor-trainings answers it (server/src/modules/instructor-trainings). */
export interface Training {
  id: number;
  title: string;
  level: 'junior' | 'intermediate' | 'senior';
  startsOn: string;
  endsOn: string;
  location: string | null;
  validityMonths: number;
  version: number;
  participants: number;
  passed: number;
}

/** One instructor's result in a training, with the certification a pass issued. */
export interface Participant {
  id: number;
  trainingId: number;
  instructorId: number;
  schoolId: number;
  passed: boolean;
  score: number | null;
  certificationId: number | null;
  instructorName: string;
  staffNo: string | null;
  schoolName: string;
  certNo: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export const levels = ['junior', 'intermediate', 'senior'] as const;
