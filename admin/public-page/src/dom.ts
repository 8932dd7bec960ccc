type Child = Node | string | null | undefined | false;
type Props = Record<string, unknown>;

/**
 * A tiny element builder, the page's only "framework": `h('button', {type: 'button', onclick}, '复制')`.
 * `class`, `for`, `role`, `aria-*` and `data-*` become attributes, `on…` functions listeners, the rest properties.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (key === 'class' || key === 'for' || key === 'role' || key.startsWith('aria-') || key.startsWith('data-')) el.setAttribute(key, value === true ? '' : String(value));
    else (el as unknown as Record<string, unknown>)[key] = value;
  }
  el.append(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  return el;
}

let ids = 0;
export const newId = (prefix: string) => `${prefix}-${++ids}`;

/**
 * A labelled control with its hint and its problem line, tied together for screen readers (label `for`,
 * `aria-describedby`, `aria-invalid` while a problem shows).
 */
export function field(label: string, control: HTMLElement, hint?: string) {
  control.id ||= newId('f');
  const problem = h('p', { class: 'problem', id: `${control.id}-problem`, 'aria-live': 'polite' });
  const hintLine = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  control.setAttribute('aria-describedby', [hintLine?.id, problem.id].filter(Boolean).join(' '));
  const wrap = h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintLine, problem);
  const setProblem = (text: string | null) => {
    problem.textContent = text ?? '';
    wrap.classList.toggle('invalid', Boolean(text));
    if (text) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  };
  // Once the resident changes what was refused, the red goes: it is checked again when sent.
  control.addEventListener('input', () => setProblem(null));
  return { wrap, control, setProblem };
}

export type Field = ReturnType<typeof field>;

/** A group of choices shown as large buttons (radio inputs inside labels), with its legend and problem line. */
export function choices<V extends string>(legend: string, name: string, options: [V, string][]) {
  const problem = h('p', { class: 'problem', 'aria-live': 'polite' });
  const inputs = options.map(([value]) => h('input', { type: 'radio', name, value, onchange: () => setProblem(null) }));
  const set = h('fieldset', { class: 'choices' }, h('legend', {}, legend), h('div', { class: 'options' }, ...options.map(([, text], i) => h('label', { class: 'option' }, inputs[i], h('span', {}, text)))), problem);
  function setProblem(text: string | null) {
    problem.textContent = text ?? '';
    set.classList.toggle('invalid', Boolean(text));
  }
  return {
    wrap: set,
    value: () => (inputs.find((i) => i.checked)?.value as V | undefined) ?? null,
    setProblem,
    reset: () => inputs.forEach((i) => (i.checked = false)),
  };
}
