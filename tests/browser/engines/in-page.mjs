// What the cross-engine journeys do inside the page: find an element inside the
// widget's open shadow root (or the document) by its role and accessible name, its
// label, its text or a CSS selector, and read or act on it. One self-contained function,
// sent to the page as it is by each driver (Playwright, puppeteer, WebdriverIO), so the
// three engines are asked exactly the same question. Drivers evaluate it through their
// automation protocol, never through an `eval` in the page (the app's policy forbids it).
//
// A query is a plain object (it crosses into the page as JSON):
//   role, name      an ARIA role (implicit roles of the elements the app uses) and its
//                   accessible name: a string (exact, spaces squeezed) or { re, flags }
//   level           a heading's level
//   label           a form control by the text of its label, exactly
//   text            the innermost element whose text is this (string or { re, flags })
//   css             a CSS selector
//   within          a query for the container to search in
//   widget          the host element's selector (default: the first [data-lia-widget]);
//                   `document: true` searches the document itself instead
//   hidden          also match elements that are not rendered
//   nth             which of several matches (default 0)

/** Runs `op` on what `q` finds; see the list of operations at the end. */
export function toolkit(op, q, extra) {
  const squeeze = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const matchesText = (want, got) => {
    if (want === undefined) return true;
    if (typeof want === 'string') return squeeze(got) === squeeze(want);
    return new RegExp(want.re, want.flags ?? '').test(got);
  };
  const shown = (el) => {
    if (typeof el.checkVisibility === 'function') return el.checkVisibility();
    return el.getClientRects().length > 0;
  };
  const rootOfQuery = (query) => {
    if (query.document) return document;
    const host = document.querySelector(query.widget ?? '[data-lia-widget]');
    return host?.shadowRoot ?? null;
  };

  /** Text as a person hears it: hidden parts left out, visually hidden parts kept. */
  const textOf = (node) => squeeze(rawText(node));
  const rawText = (node) => {
    let out = '';
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out += child.data;
      else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.hidden || child.getAttribute('aria-hidden') === 'true') continue;
        if (['script', 'style', 'template'].includes(child.localName)) continue;
        const style = getComputedStyle(child);
        if (style.display === 'none') continue;
        if (child.localName === 'img') {
          out += ` ${child.getAttribute('alt') ?? ''} `;
          continue;
        }
        const inner = rawText(child);
        // A visually hidden span is positioned (so its display computes as block), but
        // it is read as part of the words around it.
        const phrasing = /^(span|a|em|strong|b|i|code|abbr|time|small|del|ins|mark|sub|sup|kbd|q|cite|s|u)$/.test(child.localName);
        const inline = style.display.startsWith('inline') || (phrasing && style.position !== 'static');
        out += inline ? inner : ` ${inner} `;
      }
    }
    return out;
  };

  const roleOf = (el) => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(/\s+/)[0];
    const tag = el.localName;
    if (tag === 'a' || tag === 'area') return el.hasAttribute('href') ? 'link' : null;
    if (tag === 'button') return 'button';
    if (tag === 'input') {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      if (type === 'hidden') return null;
      if (el.hasAttribute('list') && ['text', 'search'].includes(type)) return 'combobox';
      return { checkbox: 'checkbox', radio: 'radio', button: 'button', submit: 'button', reset: 'button', file: 'button', search: 'searchbox' }[type] ?? 'textbox';
    }
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
    if (tag === 'option') return 'option';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'main') return 'main';
    if (tag === 'nav') return 'navigation';
    if (tag === 'table') return 'table';
    if (tag === 'ul' || tag === 'ol') return 'list';
    if (tag === 'li') return 'listitem';
    if (tag === 'dialog') return 'dialog';
    if (tag === 'summary') return 'button';
    if (tag === 'section' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))) return 'region';
    if (tag === 'form' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))) return 'form';
    return null;
  };

  const nameOf = (el) => {
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const home = el.getRootNode();
      return squeeze(
        by
          .split(/\s+/)
          .map((id) => {
            const target = home.getElementById ? home.getElementById(id) : home.querySelector(`#${CSS.escape(id)}`);
            return target ? textOf(target) : '';
          })
          .join(' '),
      );
    }
    const label = el.getAttribute('aria-label');
    if (label) return squeeze(label);
    if (el.labels && el.labels.length) return squeeze([...el.labels].map(textOf).join(' '));
    if (el.localName === 'input' && ['button', 'submit', 'reset'].includes(el.type)) return squeeze(el.value);
    const role = roleOf(el);
    if (['button', 'link', 'heading', 'tab', 'option', 'listitem', 'menuitem', 'cell', 'columnheader', 'rowheader'].includes(role)) return textOf(el);
    if (el.localName === 'fieldset') {
      const legend = el.querySelector(':scope > legend');
      return legend ? textOf(legend) : '';
    }
    return squeeze(el.getAttribute('title') ?? '');
  };

  const search = (query, scope) => {
    let candidates;
    if (query.css) candidates = [...scope.querySelectorAll(query.css)];
    else candidates = [...scope.querySelectorAll('*')];
    if (!query.hidden) candidates = candidates.filter(shown);
    if (query.role) {
      candidates = candidates.filter((el) => roleOf(el) === query.role);
      if (query.level) candidates = candidates.filter((el) => el.localName === `h${query.level}` || el.getAttribute('aria-level') === String(query.level));
      if (query.name !== undefined) candidates = candidates.filter((el) => matchesText(query.name, nameOf(el)));
    }
    if (query.label !== undefined) {
      candidates = candidates.filter(
        (el) => ['input', 'textarea', 'select'].includes(el.localName) && el.labels && [...el.labels].some((l) => matchesText(query.label, textOf(l))),
      );
    }
    if (query.text !== undefined) {
      const matching = candidates.filter((el) => matchesText(query.text, textOf(el)));
      candidates = matching.filter((el) => !matching.some((other) => other !== el && el.contains(other)));
    }
    return candidates;
  };

  const findAll = (query) => {
    const root = rootOfQuery(query);
    if (!root) return [];
    let scopes = [root];
    const itself = (scope) =>
      scope.nodeType === Node.ELEMENT_NODE && (!query.css || scope.matches(query.css)) && search({ ...query, css: undefined }, { querySelectorAll: () => [scope] }).length > 0;
    const withScope = (scope, found) => (itself(scope) ? [scope, ...found] : found);
    if (query.within) {
      const container = findAll({ widget: query.widget, document: query.document, ...query.within });
      scopes = container.length ? [container[query.within.nth ?? 0]] : [];
    }
    // Within a container, the container itself may be what is wanted.
    return scopes.flatMap((scope) => (query.within ? withScope(scope, search(query, scope)) : search(query, scope)));
  };
  const find = (query) => findAll(query)[query.nth ?? 0] ?? null;
  const need = (query) => {
    const el = find(query);
    if (!el) throw new Error(`nothing found for ${JSON.stringify(query)}`);
    return el;
  };

  /** What really has the keyboard, through open shadow roots. */
  const describeFocus = () => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    return {
      id: el.id,
      tag: el.localName,
      role: roleOf(el),
      name: nameOf(el),
      group: el.getAttribute('name'),
      checked: typeof el.checked === 'boolean' ? el.checked : null,
      value: typeof el.value === 'string' ? el.value : null,
    };
  };

  /**
   * Until the next click, the pointer's events that do not reach `el` are stopped before
   * the page sees them, and noted: a page that moved between the aim and the click (as
   * when the rules' findings appear above it once typing pauses) gets no click at all
   * where `el` was, and the driver aims again, as a person would. As Playwright's own
   * clicks do.
   */
  const guardClick = (el) => {
    window.__liaClickGuard?.end();
    const types = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];
    const guard = { clicked: false, missed: null };
    const on = (event) => {
      const path = event.composedPath();
      if (!path.includes(el)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        const at = path[0];
        guard.missed ??= `${event.type} on ${at?.localName ?? at}${at?.id ? `#${at.id}` : ''} "${squeeze(at?.textContent).slice(0, 50)}"`;
      }
      // The first click ends the guard before the default actions it causes (a label
      // clicking its control) are dispatched.
      if (event.type === 'click') {
        guard.clicked = !guard.missed;
        guard.end();
      }
    };
    guard.end = () => {
      for (const type of types) window.removeEventListener(type, on, true);
      clearTimeout(guard.timer);
    };
    // Whatever happens, keys and later clicks are never held by a guard left behind.
    guard.timer = setTimeout(guard.end, 5000);
    for (const type of types) window.addEventListener(type, on, true);
    window.__liaClickGuard = guard;
  };

  switch (op) {
    case 'count':
      return findAll(q).length;
    case 'exists':
      return find(q) !== null;
    case 'text':
      return q.all ? findAll(q).map(textOf) : textOf(need(q));
    case 'texts':
      return findAll(q).map(textOf);
    case 'value':
      return need(q).value;
    case 'checked':
      return need(q).checked;
    case 'attr':
      return need(q).getAttribute(extra);
    case 'style':
      return getComputedStyle(need(q)).getPropertyValue(extra);
    case 'enabled':
      return !need(q).disabled;
    case 'point':
    case 'aim': {
      const el = need(q);
      el.scrollIntoView({ block: 'center', inline: 'center' });
      // A link that wraps over two lines has a box around both, whose middle may be
      // between them: aim at the middle of its first line instead.
      const rects = [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const r = rects.length > 1 ? rects[0] : el.getBoundingClientRect();
      if (op === 'aim') guardClick(el);
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height, tag: el.localName };
    }
    case 'aimed': {
      // What the pointer's events of the last aimed click met; the guard ends when asked.
      const guard = window.__liaClickGuard;
      if (!guard) return { gone: true };
      if (extra?.end) guard.end();
      return { clicked: guard.clicked, missed: guard.missed };
    }
    case 'focus': {
      const el = need(q);
      el.focus();
      if (extra?.select && typeof el.select === 'function') el.select();
      if (extra?.end && typeof el.setSelectionRange === 'function') el.setSelectionRange(el.value.length, el.value.length);
      return describeFocus();
    }
    case 'pick': {
      const el = need(q);
      const token = `p${Math.random().toString(36).slice(2)}`;
      el.setAttribute('data-engine-pick', token);
      return token;
    }
    case 'focused':
      return describeFocus();
    case 'paste': {
      // Text arriving in one input event, as a paste does (for long passages).
      const el = need(q);
      el.focus();
      const start = el.selectionStart ?? el.value.length;
      const end = el.selectionEnd ?? el.value.length;
      el.setRangeText(extra, start, end, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: extra }));
      return el.value;
    }
    case 'drop': {
      const el = need(q);
      const transfer = new DataTransfer();
      for (const { name, type, base64 } of extra) {
        const binary = atob(base64);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        transfer.items.add(new File([bytes], name, { type }));
      }
      for (const type of ['dragenter', 'dragover', 'drop']) {
        el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: transfer }));
      }
      return true;
    }
    case 'describe': {
      const els = findAll(q);
      return els.slice(0, 40).map((el) => `${el.localName}[role=${roleOf(el)}] "${nameOf(el).slice(0, 60)}"`);
    }
    default:
      throw new Error(`toolkit: unknown operation ${op}`);
  }
}
