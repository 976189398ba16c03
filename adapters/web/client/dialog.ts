import { h } from './dom.js';

// The forms behind some buttons (a question for the owner, a reason for returning a draft…),
// in the page's one native <dialog>: modal, focus kept inside, Esc closes it.

export interface Field {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'number' | 'select';
  required?: boolean;
  step?: string;
  options?: { value: string; label: string }[];
  hint?: string;
}

export function askFields(title: string, fields: Field[]): Promise<Record<string, string> | null> {
  const dialog = document.getElementById('action-dialog') as HTMLDialogElement;
  const form = document.getElementById('action-form') as HTMLFormElement;
  (document.getElementById('action-dialog-title') as HTMLElement).textContent = title;
  const box = document.getElementById('action-fields') as HTMLElement;
  box.replaceChildren(...fields.map((f) => {
    const id = `f-${f.name}`;
    const common = { id, name: f.name, required: f.required, 'aria-describedby': f.hint ? `${id}-hint` : undefined };
    const input = f.kind === 'textarea' ? h('textarea', { ...common, rows: '3' })
      : f.kind === 'select' ? h('select', common, h('option', { value: '' }, '選んでください'), ...(f.options ?? []).map((o) => h('option', { value: o.value }, o.label)))
        : h('input', { ...common, type: f.kind === 'number' ? 'number' : 'text', step: f.step, inputmode: f.kind === 'number' ? 'decimal' : undefined });
    return h('div', { class: 'field' }, h('label', { for: id }, f.label, f.required ? h('span', { class: 'req' }, '（必須）') : null), input,
      f.hint ? h('p', { class: 'hint', id: `${id}-hint` }, f.hint) : null);
  }));
  return new Promise((resolve) => {
    const cancel = document.getElementById('action-cancel') as HTMLButtonElement;
    const done = (value: Record<string, string> | null) => {
      form.removeEventListener('submit', onSubmit);
      cancel.removeEventListener('click', onCancel);
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      resolve(value);
    };
    const onSubmit = (e: Event) => {
      e.preventDefault();
      const values: Record<string, string> = {};
      new FormData(form).forEach((v, k) => { values[k] = String(v); });
      done(values);
    };
    const onCancel = () => done(null);
    form.addEventListener('submit', onSubmit);
    cancel.addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onCancel);
    dialog.showModal();
  });
}
