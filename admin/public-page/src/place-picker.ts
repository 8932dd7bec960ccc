import { field, h } from './dom';
import { communities, presetPlace, type Community, type Place } from './places';
import { fill, type PageWords } from './words';

/**
 * 所在位置: community, then one of its compounds, a free address line, and 使用当前位置 (the device location; the
 * server places the request at the nearest compound when none is chosen). A QR code's `unit=` presets it.
 */
export function placePicker(t: PageWords) {
  let tree: Community[] = [];
  let location: { lat: number; lng: number } | null = null;
  const community = h('select', {});
  const compound = h('select', {});
  const address = h('input', { type: 'text', maxLength: 200, autocomplete: 'street-address' });
  const locate = h('button', { type: 'button', class: 'secondary' }, t.ask.locate);
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const communityField = field(t.ask.community, community);
  const compoundField = field(t.ask.compound, compound);
  const problem = h('p', { class: 'problem', 'aria-live': 'polite' });
  const wrap = h(
    'fieldset',
    { class: 'place' },
    h('legend', {}, t.ask.place),
    h('div', { class: 'pair' }, communityField.wrap, compoundField.wrap),
    h('div', { class: 'locate' }, locate, status),
    problem,
    field(t.ask.address, address, t.ask.addressHint).wrap,
  );

  const option = (value: number | '', text: string) => h('option', { value: String(value) }, text);
  const drawCompounds = (selected: number | null) => {
    const c = tree.find((x) => x.id === Number(community.value));
    compound.replaceChildren(option('', t.ask.chooseCompound), ...(c?.compounds ?? []).map((x) => option(x.id, x.name)));
    compound.disabled = !c || c.compounds.length === 0;
    compound.value = selected === null ? '' : String(selected);
  };
  community.addEventListener('change', () => (drawCompounds(null), setProblem(null)));
  compound.addEventListener('change', () => setProblem(null));

  locate.addEventListener('click', () => {
    if (!navigator.geolocation) return void (status.textContent = t.ask.locateUnsupported);
    status.textContent = t.ask.locating;
    locate.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (p) => {
        location = { lat: p.coords.latitude, lng: p.coords.longitude };
        status.textContent = fill(t.ask.located, { meters: Math.round(p.coords.accuracy) });
        locate.disabled = false;
        setProblem(null);
      },
      (e) => {
        status.textContent = fill(t.ask.locateFailed, { why: e.message || String(e.code) });
        locate.disabled = false;
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });

  function setProblem(text: string | null) {
    problem.textContent = text ?? '';
    wrap.classList.toggle('invalid', Boolean(text));
  }

  return {
    wrap,
    setProblem,
    focus: () => community.focus(),
    load(places: Place[], preset: number | null) {
      tree = communities(places);
      community.replaceChildren(option('', t.ask.chooseCommunity), ...tree.map((c) => option(c.id, c.name)));
      const { communityId, compoundId } = presetPlace(places, preset);
      community.value = communityId === null ? '' : String(communityId);
      drawCompounds(compoundId);
    },
    value: () => ({
      communityId: community.value ? Number(community.value) : null,
      compoundId: compound.value ? Number(compound.value) : null,
      address: address.value,
      location,
    }),
    /** After a request is sent: the place stays (the same resident often asks again about the same place). */
    reset() {
      address.value = '';
    },
  };
}
