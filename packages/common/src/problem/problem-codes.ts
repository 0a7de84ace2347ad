/**
 * The stable codes of every problem the API reports (API.md "Errors"): the error body's `code` and
 * each detail's `code`, with `params` to fill in. The server and the web word them in the user's language
 * from the same texts (./problem-texts.{zh,en}.ts, one per code in each language, checked by tsc and a test),
 * each filling in its own terms (fill-problem.ts). A code, once published, keeps its meaning.
 */
export const problemCodes = [
  // Request shape (zod issues, by kind)
  'required', 'invalid_type', 'not_an_integer', 'too_short', 'too_long', 'too_small', 'too_big', 'must_be_more_than',
  'must_be_less_than', 'too_few_items', 'too_many_items', 'invalid_email', 'invalid_date', 'date_out_of_range', 'invalid_format',
  'invalid_option', 'unknown_field', 'invalid_value', 'not_multiple_of', 'date_before', 'date_in_future', 'too_many_entries',
  // The request as a whole
  'request_invalid', 'json_empty', 'json_invalid', 'content_length_mismatch', 'body_too_large', 'file_too_large',
  'unsupported_media_type', 'no_route', 'too_many_requests', 'request_refused', 'internal_error',
  // Signing in, sessions and permissions
  'sign_in_first', 'session_ended', 'login_failed', 'too_many_sign_ins', 'too_many_password_tries', 'forbidden',
  'role_may_not_resource', 'cross_site_refused', 'origin_invalid', 'opaque_origin_refused',
  // Records
  'not_found', 'stale_version', 'concurrent_change',
  // Database refusals and outages
  'duplicate', 'reference_missing', 'rule_broken', 'value_missing', 'wrong_format', 'number_out_of_range',
  'date_wrong_format', 'date_time_out_of_range', 'text_too_long', 'text_bad_character', 'database_full',
  'database_unavailable', 'storage_full',
  // List queries
  'query_param_repeated', 'query_param_too_long', 'query_param_not_json', 'sort_invalid', 'range_invalid', 'range_too_large',
  'filter_invalid', 'filter_ids_invalid', 'filter_q_invalid', 'filter_unknown', 'filter_value_invalid', 'sort_unknown',
  'compliance_filter_invalid',
  // Workflow (decide)
  'unknown_action', 'role_may_not', 'wrong_state',
  // Application guards
  'contact_name_missing', 'contact_phone_missing', 'discipline_base_missing', 'talent_training_missing',
  'long_term_plan_missing', 'summary_too_short', 'instructors_missing', 'resources_missing', 'pledge_missing',
  'rejection_reason_missing', 'revision_comments_missing', 'support_item_unapproved',
  // Agreement guards
  'step_date_missing', 'step_date_in_future', 'step_date_before', 'ceremony_place_missing', 'instructors_not_confirmed',
  'resources_not_confirmed', 'missing_not_recorded', 'rectification_comment_missing', 'termination_reason_missing',
  // Evaluation guards
  'decision_invalid', 'decision_invalid_final', 'decision_reason_missing', 'failing_kpis_missing', 'failing_kpis_unknown',
  'deadline_missing', 'deadline_not_future', 'notice_missing', 'upgrade_at_top',
  // Provider work guards
  'report_rejection_reason_missing', 'proposal_rejection_reason_missing', 'reply_missing',
  // Applications
  'only_school_creates', 'application_in_progress', 'only_school_edits', 'application_not_editable',
  'only_school_deletes', 'only_draft_deleted',
  // Agreements and evaluations
  'no_policy_in_force', 'plaque_needs_signing', 'highest_tier', 'upgrade_blocked_by_application', 'agreement_not_live',
  'beyond_term', 'year_not_ended', 'evaluation_exists', 'kpis_not_computable', 'evaluation_agreement_closed',
  // Partnerships that began before the product (one, or an import file's rows)
  'agreement_school_unknown', 'school_has_agreement', 'evaluated_year_not_ended', 'evaluated_year_final', 'evaluated_year_twice',
  'evaluated_decision_invalid', 'rectification_needs_rectifying', 'evaluated_years_format', 'agreement_same_school_as_row',
  // Facts
  'only_school_records', 'not_your_school', 'no_student_in_school', 'no_student_in_schools', 'no_student_number',
  'no_course', 'no_course_code', 'student_exists', 'same_student_no_as_row', 'same_student_as_row', 'already_registered',
  'application_before_registration', 'registration_after_application', 'school_confirms', 'left_both_or_neither',
  'left_before_enrolment', 'certification_incomplete', 'catalogue_read_only',
  // Imports (the file, its header, its rows)
  'import_too_large', 'import_incomplete', 'csv_invalid', 'csv_content_type', 'nul_bytes', 'utf16_file',
  'not_utf8_or_gbk', 'file_empty', 'no_rows', 'columns_twice', 'column_twice', 'columns_unknown', 'column_unknown',
  'columns_missing', 'column_missing', 'too_many_rows', 'too_many_rows_short', 'rows_have_problems', 'larger_than',
  'incomplete_upload', 'not_valid_csv', 'utf16_short', 'not_utf8_or_gbk_short',
  'import_content_type', 'xlsx_invalid', 'not_valid_xlsx', 'upsert_not_supported', 'duplicate_in_file', 'duplicate_in_database',
  // Users
  'regions_required', 'school_required', 'provider_required', 'password_too_short', 'password_too_long',
  'password_needs_letters_digits', 'email_taken', 'cannot_deactivate_self', 'last_hq_account', 'current_password_wrong',
  'password_unchanged',
  // Account links (invitation, reset) and account management
  'token_invalid', 'token_expired', 'token_used', 'token_wrong_purpose', 'account_inactive', 'too_many_reset_requests',
  'regional_school_accounts_only', 'school_outside_your_regions',
  // Schools and regions (the directory)
  'school_name_taken', 'province_unknown', 'region_override_hq_only', 'region_unknown', 'school_has_records',
  'province_twice', 'region_name_taken', 'region_has_staff', 'region_name_unknown',
  // Provider work
  'only_provider_reports', 'school_not_assigned', 'students_not_in_school', 'practice_outside_period',
  'only_provider_proposes', 'only_school_feedback', 'provider_not_yours',
  // Providers (the directory)
  'provider_name_taken', 'schools_unknown', 'provider_inactive',
  // Evidence files
  'file_type_refused', 'file_content_mismatch', 'evidence_uploader_only', 'evidence_uploader_unknown', 'multipart_required', 'one_file_per_request',
  'multipart_unreadable', 'file_missing', 'entity_type_missing', 'entity_id_invalid', 'evidence_entity_unknown',
  'evidence_role_may_not', 'evidence_state_closed', 'files_not_for_action', 'too_many_files',
  // Joining (the public join page and its queue)
  'join_province_unknown', 'join_too_many_from_domain', 'too_many_join_requests', 'join_token_invalid', 'join_token_expired',
  'join_token_used', 'join_decline_reason_missing',
  // Mail (the outbox)
  'mail_already_sent',
  // Instructor trainings (师资培训) and the public certificate check
  'training_not_ended', 'training_has_participants', 'instructor_unknown', 'instructor_school_unknown', 'instructor_ref_missing',
  'participant_twice', 'participant_recorded', 'cert_no_taken', 'cert_no_without_pass', 'too_many_certificate_checks',
  // Exam sites, sessions and candidate registration (issue 18 items 1-2)
  'exam_site_reason_missing', 'exam_site_region_not_yours', 'exam_site_school_only', 'exam_site_not_editable',
  'exam_window_order', 'exam_date_past', 'exam_sites_unknown', 'exam_site_not_approved', 'exam_site_kind_missing',
  'exam_site_session_one_site', 'exam_session_not_editable', 'exam_session_site_has_candidates', 'exam_session_kind_locked',
  'exam_session_unknown', 'exam_registration_not_open', 'exam_site_full', 'exam_student_unknown', 'exam_student_twice',
  'exam_student_left', 'exam_site_not_in_session', 'exam_site_unknown',
  // Exam results and verified certificates (issue 18 items 3-4)
  'exam_candidate_unknown', 'exam_session_not_closed', 'exam_results_published', 'certificate_number_missing',
  'certificate_number_without_pass', 'certificate_number_taken', 'certificate_already_verified', 'certificate_verified_locked',
  'exam_results_incomplete',
  'exam_results_by_import',
  // The programme report
  'report_year_invalid', 'report_year_in_future', 'pdf_renderer_missing', 'pdf_render_failed',
] as const;

export type ProblemCode = (typeof problemCodes)[number];

const known: ReadonlySet<string> = new Set(problemCodes);
export const isProblemCode = (code: unknown): code is ProblemCode => typeof code === 'string' && known.has(code);

/** What a problem's words are filled with: ids, dates, names, counts, lists of them. */
export type ProblemParamValue = string | number | boolean | null | readonly (string | number)[];
export type ProblemParams = Record<string, ProblemParamValue>;

/** A problem before it is put into words: its code and params, and the field (or import row) it is about. */
export interface Reason {
  code: ProblemCode;
  params?: ProblemParams;
  field?: string;
  /** An import's row: 1 is the header, 0 the file as a whole. */
  row?: number;
}

/** One entry of the error body's `details`, as the API sends it. */
export interface ProblemDetail extends Reason {
  message: string;
}

/** The error body of every 4xx/5xx answer (API.md "Errors"). */
export interface ApiErrorBody {
  /** The kind of refusal: validation_failed, forbidden, not_found, stale_version, invalid_state… */
  error: string;
  /** The problem, stable across languages. */
  code: ProblemCode;
  params?: ProblemParams;
  /** The problem in words, in the user's language. */
  message: string;
  details?: ProblemDetail[] | Record<string, unknown>;
}
