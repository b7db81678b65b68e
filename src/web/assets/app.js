// cardnavi progressive enhancement. Every page works without this file.
(() => {
  // Show-password toggle and caps-lock warning for inputs marked data-password-aids.
  for (const input of document.querySelectorAll('input[data-password-aids]')) {
    const toggle = input.parentElement.querySelector('.toggle-password');
    const caps = document.getElementById(`${input.id}-caps`);
    if (toggle) {
      toggle.hidden = false;
      toggle.addEventListener('click', () => {
        const show = input.type === 'password';
        input.type = show ? 'text' : 'password';
        toggle.textContent = show ? toggle.dataset.hide : toggle.dataset.show;
        toggle.setAttribute('aria-pressed', String(show));
        input.focus();
      });
    }
    if (caps) {
      const update = (event) => {
        if (typeof event.getModifierState === 'function') caps.hidden = !event.getModifierState('CapsLock');
      };
      input.addEventListener('keydown', update);
      input.addEventListener('keyup', update);
      input.addEventListener('blur', () => {
        caps.hidden = true;
      });
    }
  }

  // Swapped-fields hint on the login form: shape only, never a lookup (mirrors members/identity.ts).
  const form = document.querySelector('form[action="/login"]');
  const hint = document.querySelector('.swapped-hint-live');
  if (form && hint) {
    const id = form.querySelector('[name="identifier"]');
    const pw = form.querySelector('[name="password"]');
    const email =
      /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
    const userId = /^[a-z0-9._-]{6,64}$/;
    const norm = (v) => v.normalize('NFKC').trim().toLowerCase();
    const shaped = (v) => userId.test(v) || email.test(v);
    const check = () => {
      const a = norm(id.value);
      const b = norm(pw.value);
      hint.hidden = !(a.length > 0 && !shaped(a) && shaped(b));
    };
    id.addEventListener('input', check);
    pw.addEventListener('input', check);
  }

  // Forms that ask for a confirmation first (e.g. withdrawal) carry data-confirm.
  for (const f of document.querySelectorAll('form[data-confirm]')) {
    f.addEventListener('submit', (event) => {
      if (!window.confirm(f.dataset.confirm)) event.preventDefault();
    });
  }
})();
