/** 佐证材料挂在其所属记录上，以及协议各步骤随附的文件（issue 17 第 4 项）。 */
export const evidenceZh = {
  app: {
    evidence: {
      title: '佐证材料',
      job_fair_help: '招聘会现场照片、参会企业名单、签到表等。',
      certificate_help: '证书扫描件或照片。',
      practice_record_help: '项目实践记录：工时表、现场照片、企业确认单等。',
      evaluation_help: '总部在评审进行中为本次评审上传的材料（会议纪要、检查记录等）。',
      rectification_title: '整改佐证材料',
      rectification_help: '整改期间上传能说明整改成果的材料（新增证书、实践课时、招聘会等），挂在合作协议上。',
      signed_agreement: '已签署的合作协议（PDF 或扫描件）',
      signed_agreement_hint: '确认签约时与签约记录一起保存；支持 PDF、图片或 Word，不超过 10 MB。',
      signed_agreement_description: '已签署的合作协议',
      pick_file: '选择文件',
      pick_photo: '选择照片',
      photos_on_confirm: '照片在确认揭牌时与揭牌记录一起保存，确认前不会上传。',
    },
  },
};
