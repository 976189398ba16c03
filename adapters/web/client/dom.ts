// A very small DOM builder and a keyed list update: only new or changed messages are touched,
// so aria-live regions announce what is new rather than the whole conversation again.

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | undefined | ((e: Event) => void)>;

export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export interface Keyed {
  key: string;
  version: string;
  render: () => HTMLElement;
}

/** Makes `container`'s children match `items` in order, reusing nodes whose version is unchanged. */
export function syncList(container: HTMLElement, items: Keyed[]): boolean {
  const existing = new Map<string, HTMLElement>();
  for (const child of Array.from(container.children) as HTMLElement[]) if (child.dataset.key) existing.set(child.dataset.key, child);
  let added = false;
  items.forEach((item, i) => {
    let node = existing.get(item.key);
    if (!node || node.dataset.version !== item.version) {
      const fresh = item.render();
      fresh.dataset.key = item.key;
      fresh.dataset.version = item.version;
      if (node) node.replaceWith(fresh);
      else added = true;
      node = fresh;
    }
    existing.delete(item.key);
    if (container.children[i] !== node) container.insertBefore(node, container.children[i] ?? null);
  });
  for (const stale of existing.values()) stale.remove();
  return added;
}

export const time = (iso: string): string =>
  new Date(iso).toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });

/** Keeps a log scrolled to the newest message, unless the reader scrolled up to read. */
export function stickToBottom(log: HTMLElement, update: () => boolean): void {
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  const added = update();
  if (atBottom || added) log.scrollTop = log.scrollHeight;
}
