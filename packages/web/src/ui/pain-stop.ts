// The pain button and its dialog: the press itself stops the exercise (the caller pauses), the
// dialog gives the stop-and-seek-care advice and asks the level, 0-10, for the record. Escape
// does not dismiss it: a pain stop is never silently undone.
import { h } from '../app/dom.ts';
import type { Translate } from '../i18n/i18n.ts';

export interface PainStop {
  readonly button: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;
}

export function painStop(
  t: Translate,
  on: { readonly onPress: () => void; readonly onLevel: (level: number) => void },
): PainStop {
  const dialog = h('dialog', { id: 'pain-dialog', 'aria-labelledby': 'pain-title' });
  const levels = h(
    'div',
    { class: 'scale-row' },
    ...Array.from({ length: 11 }, (_, n) =>
      h(
        'button',
        {
          type: 'button',
          class: 'scale-button',
          'data-level': n,
          onclick: () => {
            dialog.close();
            on.onLevel(n);
          },
        },
        String(n),
      ),
    ),
  );
  dialog.append(
    h('h2', { id: 'pain-title' }, t('session.painTitle')),
    h('p', { class: 'care' }, t('session.painSharp')),
    h('p', null, t('session.painAsk')),
    levels,
  );
  dialog.addEventListener('cancel', (e) => e.preventDefault());
  const button = h(
    'button',
    {
      type: 'button',
      class: 'pain',
      id: 'pain',
      onclick: () => {
        on.onPress();
        dialog.showModal();
      },
    },
    t('session.pain'),
  );
  return { button, dialog };
}
