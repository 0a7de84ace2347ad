/** Labels of the service-provider directory (HQ creates and edits providers and assigns their schools), in English. */
export const providersEn = {
  app: {
    entity: {
      provider: 'Service provider',
    },
    provider_admin: {
      create_title: 'New service provider',
      edit_title: 'Edit provider: %{name}',
      schools_help: 'The schools this provider serves; type to search by name. A school removed here is out of the provider\'s reach at once.',
      active_help: 'A deactivated provider keeps its records and schools but reaches no school\'s data until it is reactivated.',
      inactive: 'Deactivated',
      assign_school: 'Assign a school',
      assign_provider: 'Assign a provider',
      choose_school: 'Choose a school',
      choose_provider: 'Choose a provider',
      assign: 'Assign',
      unassign: 'Remove',
      unassign_confirm_title: 'Remove a school',
      unassign_confirm: 'Remove "%{school}" from the schools of "%{provider}"? The provider loses access to the school\'s data at once.',
      assigned: 'Assigned: %{name}',
      unassigned: 'Removed: %{name}',
      school_providers: 'Service providers (%{smart_count})',
      no_providers: 'No service provider yet',
      stale: 'This provider was changed by someone else since you opened it. Reload the page and make your change again.',
    },
    notification: {
      kinds: {
        provider: {
          assigned: 'You now serve "%{school}"',
        },
      },
    },
  },
  resources: {
    providers: {
      fields: {
        contactPhone: 'Contact phone',
        active: 'Active',
        schoolIds: 'Schools served',
        version: 'Version',
        updatedAt: 'Updated',
      },
    },
  },
};
