/** Evidence on the records it belongs to, and the files that go with an agreement's steps (issue 17 item 4). */
export const evidenceEn = {
  app: {
    evidence: {
      title: 'Evidence files',
      job_fair_help: 'Photos of the fair, the list of employers, the sign-in sheet.',
      certificate_help: 'A scan or photo of the certificate.',
      practice_record_help: 'The project\'s records: timesheets, photos, the enterprise\'s confirmation.',
      evaluation_help: 'HQ\'s files for this evaluation (minutes, inspection notes), while it is open.',
      rectification_title: 'Rectification evidence',
      rectification_help: 'Files that show what was done (new certificates, hours, a job fair), attached to the agreement while it is under rectification.',
      signed_agreement: 'Signed agreement (PDF or scan)',
      signed_agreement_hint: 'Stored with the signing when you confirm it; PDF, image or Word, up to 10 MB.',
      signed_agreement_description: 'Signed agreement',
      pick_file: 'Choose a file',
      pick_photo: 'Choose photos',
      photos_on_confirm: 'The photos are stored with the ceremony when you confirm it, not before.',
    },
  },
};
