// The two HTML pages of the authorization server: the consent page and the error page (no redirect).
export interface ConsentPage {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string | undefined;
  companies: Array<{ realmId: string; name: string }>;
  selectedRealm: string | undefined;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}fieldset{border:1px solid #ccc;border-radius:6px;margin:1rem 0}label{display:block;margin:.4rem 0}
button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem;border-radius:4px;border:1px solid #2ca01c}
.connect{background:#2ca01c;color:#fff}.note{color:#666;font-size:.9rem}</style></head>
<body>${body}</body></html>`;
}

export function consentPage(view: ConsentPage): string {
  const hidden = (name: string, value: string | undefined) => (value === undefined ? '' : `<input type="hidden" name="${name}" value="${escape(value)}">`);
  const options = view.companies
    .map(
      (c) =>
        `<label><input type="radio" name="realm" value="${escape(c.realmId)}"${c.realmId === view.selectedRealm ? ' checked' : ''}> ${escape(c.name)} <span class="note">(realm ${escape(c.realmId)})</span></label>`,
    )
    .join('\n');
  return page(
    'Connect to QuickBooks (sandbox)',
    `<h1>Connect an app to your QuickBooks company</h1>
<p>The app <strong>${escape(view.clientId)}</strong> asks for access to: <code>${escape(view.scope)}</code>.</p>
<form method="post" action="">
${hidden('client_id', view.clientId)}${hidden('redirect_uri', view.redirectUri)}${hidden('scope', view.scope)}${hidden('state', view.state)}${hidden('response_type', 'code')}
<fieldset><legend>Company</legend>
${options}
<label><input type="radio" name="realm" value="new"${view.selectedRealm === undefined ? ' checked' : ''}> A new sandbox company</label>
</fieldset>
<button class="connect" type="submit" name="decision" value="approve">Connect</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</form>
<p class="note">This is qbflow's sandbox QuickBooks Online, not Intuit.</p>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escape(title)}</h1><p>${escape(message)}</p><p class="note">qbflow sandbox QuickBooks Online</p>`);
}
