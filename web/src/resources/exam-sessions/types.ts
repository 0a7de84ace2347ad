import type { WorkflowRecord } from '../../components/workflow/workflow-record';

export interface SessionSite { siteId: number; name: string; status: string; capacity: number; registered: number; seatsLeft: number }

export interface ExamSession extends WorkflowRecord {
  title: string;
  sessionType: 'unified' | 'site';
  kind: string;
  examOn: string;
  registrationOpensOn: string;
  registrationClosesOn: string;
  registrationOpen: boolean;
  siteIds: number[];
  sites: SessionSite[];
  candidates: number;
}

export interface ExamCandidate {
  id: number;
  sessionId: number;
  siteId: number;
  siteName: string;
  studentId: number;
  studentNo: string;
  studentName: string;
  schoolName: string;
  result: string | null;
  withdrawable: boolean;
}
