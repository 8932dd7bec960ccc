/** The console's words for what comes from outside and goes out (issue 17), English: the same keys as outside-zh.ts. */
export const outsideEn = {
  visibility: {
    public: 'Public', internal: 'Internal', public_tip: 'Residents see it', internal_tip: 'Staff only', make_public: 'Make public', make_internal: 'Make internal',
    set_public: 'Made public: residents following the request see this entry', set_internal: 'Made internal: residents no longer see this entry', now_public: 'made public', now_internal: 'made internal',
  },
  source: {
    title: 'Source', public: 'Public page', enterprise: 'Enterprise form', enterprise_named: 'Enterprise form (%{company})', enterprise_code: 'Enterprise form (%{company}, credit code %{code})',
    open311: 'Open311', open311_key: 'Open311 (%{key})', rating: "Resident's own rating", comment: 'Comment', rated_at: 'Rated at',
  },
  webhooks: {
    settings: 'Settings', deliveries: 'Deliveries', all_events: 'All events', events_hint: 'None chosen: every event',
    url_hint: 'Where events are sent, starting with http:// or https://', secret_hint: 'Signs every delivery; at least 16 characters. Never shown again after saving: copy it to the receiver first',
    generate: 'Generate', change_secret: 'Change the signing secret', active_hint: 'A disabled webhook gets no new events; one with deliveries cannot be deleted, disable it instead',
    retry: 'Retry', retried: 'Will be sent again now', no_deliveries: 'No deliveries yet',
  },
  channels: {
    entry_link: 'Public page link', copy: 'Copy link', copied: 'Link copied', copy_failed: 'The browser refused to copy: select the link and press Ctrl+C',
    public_entry_hint: 'When on, residents ask through this channel by the link below (or its QR code)',
  },
  categories: { public_hint: 'When off, the public page and integrators no longer offer this category', keywords_hint: 'Words residents may find it by, separated by commas' },
};

/** The resources' names and fields: spread into `resources`. */
export const outsideResourcesEn = {
  webhooks: {
    name: 'Webhook |||| Webhooks',
    fields: { id: 'ID', name: 'Name', url: 'Address', secret: 'Signing secret', events: 'Events', active: 'Active', version: 'Version', createdAt: 'Created', q: 'Search' },
  },
  'webhook-deliveries': {
    name: 'Delivery |||| Deliveries',
    fields: {
      id: 'No.', webhookId: 'Webhook', eventId: 'Timeline event', caseId: 'Request', event: 'Event', state: 'State', attempts: 'Attempts', lastStatus: 'Last HTTP status',
      lastError: 'Last error', nextAttemptAt: 'Next attempt', deliveredAt: 'Delivered', createdAt: 'Created',
    },
  },
};
