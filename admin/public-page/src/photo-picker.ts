import { MAX_PHOTOS } from './checks';
import { h } from './dom';
import { shrinkPhoto } from './photos';
import { fill, type PageWords } from './words';

/** Up to three photos, each shrunk on the phone before anything is sent, shown as previews with a remove button. */
export function photoPicker(t: PageWords) {
  let photos: string[] = [];
  let busy = 0;
  const input = h('input', { type: 'file', accept: 'image/*', multiple: true, class: 'visually-hidden' });
  const add = h('label', { class: 'button secondary add-photo' }, input, t.ask.addPhoto);
  const previews = h('div', { class: 'previews' });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const problem = h('p', { class: 'problem', 'aria-live': 'polite' });
  const wrap = h('fieldset', { class: 'photos' }, h('legend', {}, t.ask.photos), previews, add, status, problem);

  const draw = () => {
    previews.replaceChildren(
      ...photos.map((src, i) =>
        h('figure', {}, h('img', { src, alt: `${i + 1}` }), h('button', { type: 'button', class: 'remove', 'aria-label': fill(t.ask.removePhoto, { n: i + 1 }), onclick: () => ((photos = photos.filter((_, j) => j !== i)), draw()) }, '×')),
      ),
    );
    add.hidden = photos.length + busy >= MAX_PHOTOS;
    status.textContent = busy > 0 ? t.ask.photoShrinking : '';
  };

  input.addEventListener('change', async () => {
    const files = [...(input.files ?? [])].slice(0, MAX_PHOTOS - photos.length - busy);
    input.value = '';
    problem.textContent = '';
    busy += files.length;
    draw();
    for (const file of files) {
      try {
        photos = [...photos, await shrinkPhoto(file)];
      } catch {
        problem.textContent = t.ask.photoUnreadable;
      }
      busy--;
      draw();
    }
  });
  draw();

  return {
    wrap,
    value: () => photos,
    busy: () => busy > 0,
    setProblem: (text: string | null) => (problem.textContent = text ?? ''),
    reset() {
      photos = [];
      problem.textContent = '';
      draw();
    },
  };
}
