/** The console's words for the knowledge base, reply templates and visits (issue 18), English: spread into `app`. */
export const workEn = {
  visits: {
    title: 'Visits due', intro: '%{smart_count} key-population households not visited nor heard from for longer than their tags ask:',
    never: 'never visited', overdue: '%{smart_count} days overdue (every %{every} days)', record: 'Record a visit', record_for: 'Visit to %{name}',
    note: 'What was found', saved: 'Visit to %{name} recorded',
  },
  knowledge: {
    use_template: 'Use a template',
    validity: '%{from} to %{until}', valid_from: 'from %{from}', valid_until: 'until %{until}', open: 'no end', public_hint: 'an answer that may be read out or published as it is; otherwise an internal procedure',
    any_action: 'any step', placeholders: 'Placeholders: {居民} resident, {单位} unit, {时限} due date, {编号} number, {分类} category, filled from the case',
    at_intake: 'Knowledge base (%{smart_count})', search: 'Search the knowledge base', public: 'Public answer', used: 'used %{smart_count} times',
    answer_with: 'Answer with this', answered: '%{number} logged and closed with "%{title}"',
  },
};

/** The resources of the knowledge base, English: spread into `resources`. */
export const workResourcesEn = {
  articles: {
    name: 'Article |||| Knowledge base',
    fields: { id: 'ID', title: 'Title', body: 'Text', categoryId: 'Category', validFrom: 'Valid from', validUntil: 'Valid until', validity: 'In force', public: 'Public answer', active: 'Active', uses: 'Uses', q: 'Search' },
  },
  'reply-templates': {
    name: 'Reply template |||| Reply templates',
    fields: { id: 'ID', name: 'Name', text: 'Text', action: 'Step', active: 'Active', uses: 'Uses', q: 'Search' },
  },
};
