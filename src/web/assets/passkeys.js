// Passkeys in the browser through @simplewebauthn/browser (served as /assets/webauthn-browser.js, which
// defines window.SimpleWebAuthnBrowser). Without JavaScript or WebAuthn the passkey buttons stay hidden.
(() => {
  const lib = window.SimpleWebAuthnBrowser;
  if (!lib?.browserSupportsWebAuthn()) return;

  /** "Sign in with a passkey" on the login page: options from the server, the device answers, form posts it. */
  const signIn = document.querySelector('form[data-passkey-sign-in]');
  if (signIn) {
    const section = signIn.closest('[data-passkey-section]');
    if (section) section.hidden = false;
    const failed = signIn.querySelector('.passkey-failed');
    signIn.addEventListener('submit', async (event) => {
      if (signIn.elements.response.value) return;
      event.preventDefault();
      if (failed) failed.hidden = true;
      try {
        const body = new URLSearchParams({ _csrf: signIn.elements._csrf.value });
        const res = await fetch('/login/passkey/options', {
          method: 'POST',
          body,
          credentials: 'same-origin',
        });
        if (!res.ok) throw new Error(`options ${res.status}`);
        const optionsJSON = await res.json();
        const response = await lib.startAuthentication({ optionsJSON });
        signIn.elements.response.value = JSON.stringify(response);
        signIn.submit();
      } catch {
        if (failed) failed.hidden = false;
      }
    });
  }

  /** "Add a passkey": the creation options are on the form; the device creates the passkey, the form posts it. */
  const create = document.querySelector('form[data-options]');
  if (create) {
    const button = create.querySelector('[data-passkey-create]');
    const failed = create.querySelector('.passkey-failed');
    button.hidden = false;
    button.addEventListener('click', async () => {
      if (failed) failed.hidden = true;
      if (!create.elements.name.value.trim()) {
        create.elements.name.focus();
        create.elements.name.reportValidity();
        return;
      }
      try {
        const optionsJSON = JSON.parse(create.dataset.options);
        const response = await lib.startRegistration({ optionsJSON });
        create.elements.response.value = JSON.stringify(response);
        create.submit();
      } catch {
        if (failed) failed.hidden = false;
      }
    });
  }
})();
