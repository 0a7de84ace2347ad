/** Labels of the school directory and the regions (HQ creates, edits, deactivates schools; edits regions), in English. */
export const schoolsEn = {
  app: {
    school_admin: {
      create_title: 'New school',
      edit_title: 'Edit school: %{name}',
      region_from_province: 'From the province',
      region_help: 'Left empty, the province decides the region; HQ may name another.',
      stale: 'This school was changed by someone else since you opened it. Reload the page and make your change again.',
      deactivate: 'Deactivate',
      reactivate: 'Reactivate',
      deactivate_title: 'Deactivate a school',
      reactivate_title: 'Reactivate a school',
      deactivate_confirm: 'Deactivate "%{name}"? Every record of the school is kept; a school with records is never deleted, only deactivated.',
      reactivate_confirm: 'Reactivate "%{name}"?',
      deactivated: 'Deactivated: %{name}',
      reactivated: 'Reactivated: %{name}',
      inactive: 'Deactivated',
    },
    region_admin: {
      edit_title: 'Edit region: %{name}',
      provinces_help: 'Separated by 、 or commas. A province taken from another region leaves it, and its schools move here (their pending reviews go to this region\'s staff).',
      stale: 'This region was changed by someone else since you opened it. Reload the page and make your change again.',
    },
  },
  resources: {
    schools: {
      fields: {
        contactEmail: 'Contact email',
        active: 'Active',
        version: 'Version',
      },
    },
    regions: {
      fields: {
        version: 'Version',
        updatedAt: 'Updated',
      },
    },
  },
};
