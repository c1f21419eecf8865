// The demo page's form: fills the live widget's attributes and credentials.
// Endpoint and workspace may come from the page's query string
// (?endpoint=...&workspace=...); credentials never do, and are handed to the
// element in memory only.
const form = document.getElementById('live-form');
const live = document.getElementById('live');
const params = new URLSearchParams(location.search);

for (const [param, field] of [['workspace', 'workspace-sid'], ['endpoint', 'endpoint'], ['minutes', 'minutes'],
  ['channel', 'task-channel'], ['refresh', 'refresh']]) {
  if (params.has(param)) form.elements[field].value = params.get(param);
}

function apply() {
  for (const name of ['workspace-sid', 'endpoint', 'minutes', 'task-channel', 'task-queue-name', 'friendly-name', 'refresh']) {
    const value = form.elements[name].value.trim();
    if (value) live.setAttribute(name, value);
    else live.removeAttribute(name);
  }
  const username = form.elements.username.value.trim();
  const password = form.elements.password.value;
  if (username || password) live.setCredentials(username, password);
  else live.clearCredentials();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  apply();
});

if (form.elements['workspace-sid'].value) apply();
