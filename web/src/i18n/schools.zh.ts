/** Labels of the school directory and the regions (HQ creates, edits, deactivates schools; edits regions), in Chinese. */
export const schoolsZh = {
  app: {
    school_admin: {
      create_title: '新建院校',
      edit_title: '编辑院校：%{name}',
      region_from_province: '按省份确定',
      region_help: '留空时大区由省份决定；总部可另行指定。',
      stale: '此院校在您打开后已被他人修改。请重新加载页面，再次进行修改。',
      deactivate: '停用',
      reactivate: '重新启用',
      deactivate_title: '停用院校',
      reactivate_title: '重新启用院校',
      deactivate_confirm: '停用“%{name}”？院校的所有记录都会保留；已有记录的院校不能删除，只能停用。',
      reactivate_confirm: '重新启用“%{name}”？',
      deactivated: '已停用：%{name}',
      reactivated: '已重新启用：%{name}',
      inactive: '已停用',
    },
    region_admin: {
      edit_title: '编辑大区：%{name}',
      provinces_help: '用顿号或逗号分隔。加入其他大区的省份会从原大区移出，该省的院校随之转入本大区（其待审事项由本大区人员处理）。',
      stale: '此大区在您打开后已被他人修改。请重新加载页面，再次进行修改。',
    },
  },
  resources: {
    schools: {
      fields: {
        contactEmail: '联系邮箱',
        active: '启用',
        version: '版本',
      },
    },
    regions: {
      fields: {
        version: '版本',
        updatedAt: '更新时间',
      },
    },
  },
};
