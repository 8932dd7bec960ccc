/** The console's words for pauses, return rulings, appeals and the clock ledger (issue 18), English: spread into `app`. */
export const fairEn = {
  fair: {
    uphold_return: 'Uphold the return and re-dispatch',
    pause_request: 'Pause asked: %{reason}', resume_on: 'Expected to resume: %{date}', requested_at: 'Asked at: %{time}', note: 'Note: %{note}',
    appeal_request: 'Level %{level} appeal: %{reason}', rating: 'Rating appealed: %{resolved}, %{satisfaction}', resolved_yes: 'resolved', resolved_no: 'not resolved',
    paused: 'Paused', paused_until: 'Paused · until %{date}', bounced: 'Bounced (%{smart_count} returns)',
    ledger: {
      title: 'Clock ledger', signFor: 'Sign-for limit', response: 'Response limit', resolve: 'Resolution limit', none: 'Not started',
      line: '%{limit}%{extended}%{paused} → %{due} (spent %{spent})', extended: ' + extended %{amount}', paused: ' − paused %{amount}',
      hours: '%{amount} hours', workdays: '%{amount} working days',
      kinds: { counted: 'Counted', paused: 'Paused', extended: 'Extended', returned: 'In return' },
      states: { idle: 'Not started', running: 'Running', paused: 'Paused', overdue: 'Overdue', met: 'On time', missed: 'Late', stopped: 'Stopped' },
    },
    rates: { adjusted: 'adjusted %{value}', excused: 'Ratings excused on appeal', flow: 'Returns and flight', bounces_n: '%{n} returns', flight_h: '%{h} h in flight', paused_h: '%{h} h paused' },
    rules_returns: 'This community rules on its own returns',
    closure_paused: 'Paused (h)',
  },
};
