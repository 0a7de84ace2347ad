/** Labels of the service-provider directory (HQ creates and edits providers and assigns their schools), in Chinese. */
export const providersZh = {
  app: {
    entity: {
      provider: '服务商',
    },
    provider_admin: {
      create_title: '新建服务商',
      edit_title: '编辑服务商：%{name}',
      schools_help: '该服务商服务的院校；输入校名搜索。移除的院校会立即对该服务商不可见。',
      active_help: '停用后，服务商保留其记录与院校，但不能再访问任何院校的数据，直至重新启用。',
      inactive: '已停用',
      assign_school: '分配院校',
      assign_provider: '分配服务商',
      choose_school: '选择院校',
      choose_provider: '选择服务商',
      assign: '分配',
      unassign: '移除',
      unassign_confirm_title: '移除服务院校',
      unassign_confirm: '将“%{school}”从服务商“%{provider}”的服务院校中移除？该服务商将立即无法访问该院校的数据。',
      assigned: '已分配：%{name}',
      unassigned: '已移除：%{name}',
      school_providers: '服务商（%{smart_count}）',
      no_providers: '暂无服务商',
      stale: '此服务商在您打开后已被他人修改。请重新加载页面，再次进行修改。',
    },
    notification: {
      kinds: {
        provider: {
          assigned: '您被分配为“%{school}”的服务商',
        },
      },
    },
  },
  resources: {
    providers: {
      fields: {
        contactPhone: '联系电话',
        active: '启用',
        schoolIds: '服务院校',
        version: '版本',
        updatedAt: '更新时间',
      },
    },
  },
};
