import type { DeviceAuthorization } from "./devices.js";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Pulsoid emulator</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #1d1d1f; }
.code { font-family: ui-monospace, monospace; font-size: 2rem; letter-spacing: .2rem; }
.actions { display: flex; gap: 1rem; }
.actions form { margin: 0; }
button { font-size: 1rem; padding: .5rem 1.5rem; }
.note { color: #666; font-size: .9rem; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
<p class="note">This is the local Pulsoid emulator; nothing leaves this machine.</p>
</main>
</body>
</html>
`;
}

/** the page that asks for a user code when the link carried none (or an unknown one) */
export function codeEntryPage(problem?: string): string {
  const error = problem ? `<p role="alert">${escapeHtml(problem)}</p>` : "";
  return page(
    "Connect a device",
    `${error}
<form method="get" action="activate">
<label for="user_code">Code shown on your device</label>
<input id="user_code" name="user_code" autocomplete="off" placeholder="ABCD-EFGH" required>
<button type="submit">Continue</button>
</form>`,
  );
}

/** the consent page: the code, the client, the requested scopes, and the Allow and Deny buttons */
export function consentPage(device: DeviceAuthorization): string {
  const code = encodeURIComponent(device.userCode);
  const scopes =
    device.scopes.length > 0
      ? `<ul>${device.scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join("")}</ul>`
      : "<p>No scopes requested.</p>";
  return page(
    "Allow access to your Pulsoid account?",
    `<p>Code: <span class="code" data-testid="user-code">${escapeHtml(device.userCode)}</span></p>
<p>Application: <strong>${escapeHtml(device.clientId)}</strong></p>
<p>It asks for:</p>
${scopes}
<div class="actions">
<form method="post" action="__emulator/devices/${code}/approve"><button type="submit" name="decision" value="allow">Allow</button></form>
<form method="post" action="__emulator/devices/${code}/deny"><button type="submit" name="decision" value="deny">Deny</button></form>
</div>`,
  );
}

/** the page shown after a button press, or when the code can no longer be answered */
export function resultPage(title: string, message: string): string {
  return page(title, `<p role="status">${escapeHtml(message)}</p>`);
}
