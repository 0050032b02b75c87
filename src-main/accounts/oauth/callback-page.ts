/**
 * What the browser shows after the redirect. Main has no i18n, and the browser tab is not the
 * app, so the page says its few words in both of the app's languages, each marked with `lang`.
 */
export function callbackPage(outcome: 'done' | 'refused' | 'wrong'): string {
  const text = {
    done: [
      'Signed in. You can close this tab and go back to Werkschau.',
      'Angemeldet. Du kannst diesen Tab schließen und zu Werkschau zurückkehren.',
    ],
    refused: [
      'The sign-in was not approved. You can close this tab.',
      'Die Anmeldung wurde nicht erlaubt. Du kannst diesen Tab schließen.',
    ],
    wrong: [
      'This sign-in link does not belong to the sign-in Werkschau is waiting for.',
      'Dieser Anmeldelink gehört nicht zu der Anmeldung, auf die Werkschau wartet.',
    ],
  }[outcome]
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Werkschau</title>
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
</head><body><h1>Werkschau</h1><p>${text[0]}</p><p lang="de">${text[1]}</p></body></html>`
}
