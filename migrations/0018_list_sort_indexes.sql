DROP INDEX "course_completions_school_idx";--> statement-breakpoint
DROP INDEX "students_name_idx";--> statement-breakpoint
DROP INDEX "certificates_school_issued_idx";--> statement-breakpoint
DROP INDEX "practice_records_school_date_idx";--> statement-breakpoint
DROP INDEX "job_registrations_school_idx";--> statement-breakpoint
DROP INDEX "audit_events_at_idx";--> statement-breakpoint
CREATE INDEX "course_completions_completed_idx" ON "course_completions" USING btree ("completed_on","id");--> statement-breakpoint
CREATE INDEX "students_student_no_idx" ON "students" USING btree ("student_no","id");--> statement-breakpoint
CREATE INDEX "students_school_name_idx" ON "students" USING btree ("school_id","name","id");--> statement-breakpoint
CREATE INDEX "certificates_issued_idx" ON "certificates" USING btree ("issued_on","id");--> statement-breakpoint
CREATE INDEX "practice_records_date_idx" ON "practice_records" USING btree ("practiced_on","id");--> statement-breakpoint
CREATE INDEX "job_registrations_registered_idx" ON "job_registrations" USING btree ("registered_on","id");--> statement-breakpoint
CREATE INDEX "course_completions_school_idx" ON "course_completions" USING btree ("school_id","completed_on","id");--> statement-breakpoint
CREATE INDEX "students_name_idx" ON "students" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "certificates_school_issued_idx" ON "certificates" USING btree ("school_id","issued_on","id");--> statement-breakpoint
CREATE INDEX "practice_records_school_date_idx" ON "practice_records" USING btree ("school_id","practiced_on","id");--> statement-breakpoint
CREATE INDEX "job_registrations_school_idx" ON "job_registrations" USING btree ("school_id","registered_on","id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at","id");