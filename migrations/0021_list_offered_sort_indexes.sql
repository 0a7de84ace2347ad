CREATE INDEX "students_cohort_idx" ON "students" USING btree ("cohort_year","id");--> statement-breakpoint
CREATE INDEX "students_enrolled_idx" ON "students" USING btree ("enrolled_on","id");--> statement-breakpoint
CREATE INDEX "students_left_idx" ON "students" USING btree ("left_on","id");--> statement-breakpoint
CREATE INDEX "students_school_left_idx" ON "students" USING btree ("school_id","left_on","id");--> statement-breakpoint
CREATE INDEX "certificates_kind_idx" ON "certificates" USING btree ("kind","id");--> statement-breakpoint
CREATE INDEX "certificates_school_kind_idx" ON "certificates" USING btree ("school_id","kind","id");--> statement-breakpoint
CREATE INDEX "certificates_school_student_idx" ON "certificates" USING btree ("school_id","student_id","id");--> statement-breakpoint
CREATE INDEX "practice_records_project_idx" ON "practice_records" USING btree ("project","id");--> statement-breakpoint
CREATE INDEX "practice_records_hours_idx" ON "practice_records" USING btree ("hours","id");--> statement-breakpoint
CREATE INDEX "practice_records_confirmed_idx" ON "practice_records" USING btree ("confirmed","id");--> statement-breakpoint
CREATE INDEX "practice_records_school_project_idx" ON "practice_records" USING btree ("school_id","project","id");--> statement-breakpoint
CREATE INDEX "practice_records_school_hours_idx" ON "practice_records" USING btree ("school_id","hours","id");--> statement-breakpoint
CREATE INDEX "practice_records_school_confirmed_idx" ON "practice_records" USING btree ("school_id","confirmed","id");--> statement-breakpoint
CREATE INDEX "job_registrations_resume_idx" ON "job_registrations" USING btree ("resume_completeness","id");--> statement-breakpoint
CREATE INDEX "job_registrations_school_resume_idx" ON "job_registrations" USING btree ("school_id","resume_completeness","id");