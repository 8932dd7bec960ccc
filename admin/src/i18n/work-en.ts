/** The console's words for the knowledge base, reply templates and visits (issue 18), English: spread into `app`. */
export const workEn = {
  visits: {
    title: 'Visits due', intro: '%{smart_count} key-population households not visited nor heard from for longer than their tags ask:',
    never: 'never visited', overdue: '%{smart_count} days overdue (every %{every} days)', record: 'Record a visit', record_for: 'Visit to %{name}',
    note: 'What was found', saved: 'Visit to %{name} recorded',
    log_case: 'A problem found: log a request too (grid patrol)', case_title: 'Request title', case_category: 'Category', case_logged: 'Request %{number} logged',
  },
  watch: {
    title: 'Watch list', intro: '%{from} to %{to}: the same phone or address asking about the same kind of problem again, and compounds where one kind keeps coming back: worth a visit before the next call.',
    repeats: 'Repeat requests (%{smart_count})', repeats_more: 'Only the 100 biggest are listed', compounds: 'Recurring in a compound (%{smart_count})', min: 'At least',
    by_phone: 'Same phone', by_address: 'Same address', count: '%{smart_count} request |||| %{smart_count} requests', open: '%{smart_count} open', span: '%{first} to %{last}',
    none_repeats: 'No repeat requests in these 30 days', none_compounds: 'No compound has %{min} or more requests of one kind in these 30 days', household: 'Household',
  },
  monthly: {
    title: 'Issue of the month', month_label: '%{month}/%{year}', month_short: '%{month}', intro: 'Each community\'s most frequent request category in the month, with its count in the six months up to it:', month: 'Month', trend: 'Last six months',
    share: '%{share} of the community\'s requests (%{total} in all)', on_top: 'First for %{smart_count} months running', first_time: 'First this month',
    empty: 'No requests in %{month}', bar: '%{month}: %{count} (of %{total} in the community)',
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
