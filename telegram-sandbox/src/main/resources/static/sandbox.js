// The sandbox's chat page: acts as one user through the control API (/sandbox/api) and polls for changes.
// Plain browser JavaScript with no build step, so the page works from the jar as it is.
'use strict';

// Russian or English after the browser's language; ?lang=ru|en overrides it (kept for the next visits).
const LANG = (() => {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'ru' || asked === 'en') { localStorage.setItem('sandbox.lang', asked); }
  const wanted = localStorage.getItem('sandbox.lang') || (navigator.languages || [navigator.language])[0] || 'en';
  return wanted.toLowerCase().startsWith('ru') ? 'ru' : 'en';
})();
const TEXTS = SANDBOX_TEXTS[LANG];
const t = (key, values = {}) => (TEXTS[key] || key).replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');

const api = (path, options = {}) => fetch('/sandbox/api' + path, {
  headers: options.body instanceof FormData ? {} : { 'Content-Type': 'application/json' }, ...options,
}).then(async (r) => {
  const body = await r.json().catch(() => ({}));
  if (!r.ok) { throw new Error(body.error || ('HTTP ' + r.status)); }
  return body;
});
const post = (path, body) => api(path, { method: 'POST', body: JSON.stringify(body || {}) });
const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) { e.className = cls; }
  if (text !== undefined && text !== null) { e.textContent = text; }
  return e;
};
const button = (cls, text, onclick) => {
  const b = el('button', cls, text);
  b.type = 'button';
  b.onclick = onclick;
  return b;
};

const state = { userId: null, chat: null, rendered: '', chatsRendered: '', toolsRendered: '', toast: null,
  users: [], bots: [], info: { login_code: '12345', demo: false }, viewed: new Set() };

function status(text) { $('status').textContent = text || ''; }
const fail = (e) => status(e.message);
const nameOf = (id) => {
  const a = state.users.concat(state.bots).find((u) => u.id === id);
  return a ? (a.bot ? '🤖 ' : '') + a.first_name + (a.username ? ' @' + a.username : '') : String(id);
};

function translatePage() {
  document.documentElement.lang = LANG;
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-ph]').forEach((e) => { e.placeholder = t(e.dataset.i18nPh); });
  const attach = $('attach-label');
  attach.title = t('attach');
}

async function loadUsers(selectId) {
  [state.users, state.bots] = await Promise.all([api('/users'), api('/bots')]);
  const select = $('user-select');
  select.innerHTML = '';
  state.users.forEach((u) => {
    const option = el('option', null, `${u.first_name}${u.username ? ' @' + u.username : ''} (${u.id})`);
    option.value = u.id;
    select.appendChild(option);
  });
  const wanted = selectId || new URLSearchParams(location.search).get('user') || state.userId;
  if (wanted && state.users.some((u) => String(u.id) === String(wanted))) { select.value = String(wanted); }
  state.userId = select.value ? Number(select.value) : null;
  if (!state.userId) { $('chat-title').textContent = t('noUser'); }
}

async function loadChats() {
  if (!state.userId) { return; }
  const [chats, pending] = await Promise.all([api(`/users/${state.userId}/chats`),
    api(`/users/${state.userId}/join-requests`)]);
  const signature = JSON.stringify([state.userId, chats, pending, state.chat && state.chat.id]);
  if (signature === state.chatsRendered) { return; }
  state.chatsRendered = signature;
  const list = $('chat-list');
  list.innerHTML = '';
  chats.forEach((c) => {
    const item = el('div', 'chat-item');
    item.dataset.chatId = c.chat_id;
    item.dataset.kind = c.kind;
    if (state.chat && state.chat.id === c.chat_id) {
      item.classList.add('active');
      state.chat.role = c.role;
    }
    item.appendChild(el('div', 'title', (c.kind === 'bot' ? '🤖 ' : '📢 ') + c.title
      + (c.role ? ` · ${t(c.role)}` : '')));
    item.appendChild(el('div', 'preview', c.last_text || (c.kind === 'bot' && !c.started ? t('notStarted') : '')));
    item.onclick = () => openChat({ id: c.chat_id, kind: c.kind, title: c.title, role: c.role });
    list.appendChild(item);
  });
  const box = $('pending-requests');
  box.innerHTML = '';
  if (pending.length) { box.appendChild(el('div', 'section-title', t('pending'))); }
  pending.forEach((p) => {
    const item = el('div', 'pending-request');
    item.dataset.chatId = p.chat_id;
    item.appendChild(el('span', null, '📢 ' + p.title + ' '));
    item.appendChild(button('cancel-request', t('cancelRequest'), () =>
      api(`/channels/${p.chat_id}/join-requests/${state.userId}`, { method: 'DELETE' })
        .then(() => { status(t('requestCancelled')); refresh(); }).catch(fail)));
    box.appendChild(item);
  });
}

function openChat(chat) {
  state.chat = chat;
  state.rendered = '';
  state.toolsRendered = '';
  state.toast = null;
  $('channel-tools').hidden = true;
  renderAdminForm();
  refresh();
}

function inviteLinks(text) { return (text || '').match(/https:\/\/t\.me\/\+[A-Za-z0-9_-]+/g) || []; }

function renderMessage(m, isChannel) {
  const box = el('div', 'message' + (m.outgoing && !isChannel ? ' outgoing' : ''));
  box.dataset.messageId = m.message_id;
  if (m.document) {
    const doc = el('div', 'document');
    const a = el('a', null, '📄 ' + m.document.file_name);
    a.href = '/sandbox/api/files/' + encodeURIComponent(m.document.file_id);
    doc.appendChild(a);
    doc.appendChild(el('span', null, ` (${m.document.size} B)`));
    box.appendChild(doc);
  }
  if (m.photo) {
    const img = el('img', 'photo');
    img.src = '/sandbox/api/files/' + encodeURIComponent(m.photo.file_id);
    img.alt = m.text || 'photo';
    img.width = m.photo.width;
    img.height = m.photo.height;
    box.appendChild(img);
  }
  if (m.text) { box.appendChild(el('div', 'text', m.text)); }
  inviteLinks(m.text).forEach((link) => {
    const join = button('join-button', t('open') + ' ' + link, () => openLink(link));
    join.dataset.link = link;
    box.appendChild(join);
  });
  (m.inline_keyboard || []).forEach((row) => {
    const r = el('div', 'inline-row');
    row.forEach((b) => {
      const inline = el('button', 'inline-button', b.text);
      if (b.callback_data !== undefined) {
        inline.dataset.callback = b.callback_data;
        inline.onclick = () => press(m.message_id, b.callback_data, isChannel);
      } else if (b.web_app && b.web_app.url) {
        inline.dataset.webApp = b.web_app.url;
        inline.onclick = () => openWebApp(b.web_app.url, b.text);
      } else if (b.url) {
        inline.onclick = () => (inviteLinks(b.url).length ? openLink(b.url) : window.open(b.url, '_blank'));
      }
      r.appendChild(inline);
    });
    box.appendChild(r);
  });
  const meta = el('div', 'meta');
  const parts = [new Date(m.date * 1000).toLocaleTimeString(LANG)];
  if (m.edit_count > 0) { parts.push(`${t('edited')} ×${m.edit_count}`); }
  if (m.protected_content) { parts.push(t('protectedContent')); }
  if (m.views !== undefined && m.views !== null) { parts.push(`👁 ${m.views}`); }
  meta.appendChild(el('span', 'meta-text', parts.join(' · ')));
  if (isChannel) { meta.appendChild(viewButton(m)); }
  box.appendChild(meta);
  return box;
}

// A post counts a view when the person opens it (the channel itself is listed without counting).
function viewButton(m) {
  const key = `${state.userId}:${state.chat.id}:${m.message_id}`;
  if (state.viewed.has(key)) { return el('span', 'viewed-mark', t('viewed')); }
  const view = button('view-button', t('viewOpen'), () =>
    post(`/channels/${state.chat.id}/posts/${m.message_id}/view`, { viewer_id: state.userId })
      .then((r) => { state.viewed.add(key); status(r.counted ? t('viewCounted') : t('viewAgain')); refresh(); })
      .catch(fail));
  view.dataset.messageId = m.message_id;
  return view;
}

function renderReplyKeyboard(rows) {
  const keyboard = $('reply-keyboard');
  keyboard.innerHTML = '';
  (rows || []).forEach((row) => {
    const r = el('div', 'row');
    row.forEach((b) => {
      const text = typeof b === 'string' ? b : b.text;
      const reply = el('button', 'reply-button', text);
      if (b && b.web_app && b.web_app.url) {
        reply.dataset.webApp = b.web_app.url;
        reply.onclick = () => openWebApp(b.web_app.url, text);
      } else {
        reply.onclick = () => post(`/users/${state.userId}/bots/${state.chat.id}/reply-button`, { text })
          .then(refresh).catch(fail);
      }
      r.appendChild(reply);
    });
    keyboard.appendChild(r);
  });
}

async function refresh() {
  try {
    await loadChats();
    if (!state.chat || !state.userId) { return; }
    let messages = [];
    let keyboard = null;
    const isChannel = state.chat.kind === 'channel';
    if (isChannel) {
      messages = await api(`/channels/${state.chat.id}/posts?viewer_id=${state.userId}&count_views=false`);
      await renderChannelPeople();
    } else {
      try {
        const dialog = await api(`/users/${state.userId}/bots/${state.chat.id}`);
        messages = dialog.messages;
        keyboard = dialog.reply_keyboard;
      } catch (e) { messages = []; }
    }
    const signature = JSON.stringify([state.userId, messages, keyboard, state.toast, [...state.viewed]]);
    if (signature === state.rendered) { return; }
    state.rendered = signature;
    renderTitle();
    const box = $('messages');
    box.innerHTML = '';
    messages.forEach((m) => box.appendChild(renderMessage(m, isChannel)));
    if (state.toast) { box.appendChild(el('div', 'toast', state.toast)); }
    box.scrollTop = box.scrollHeight;
    renderReplyKeyboard(keyboard);
  } catch (e) { fail(e); }
}

function renderTitle() {
  const title = $('chat-title');
  title.textContent = state.chat.title + (state.chat.role ? ` · ${t(state.chat.role)}` : '');
  if (state.chat.kind === 'channel' && state.chat.role !== 'owner') {
    title.appendChild(button('leave-button', t('leave'), () =>
      post(`/channels/${state.chat.id}/leave`, { user_id: state.userId })
        .then(() => { closeChat(); refresh(); }).catch(fail)));
  }
}

function closeChat() {
  state.chat = null;
  $('messages').innerHTML = '';
  $('reply-keyboard').innerHTML = '';
  $('channel-tools').hidden = true;
  $('chat-title').textContent = t('pickChat');
}

// Admins, members and pending join requests of the open channel; an admin approves or declines here.
async function renderChannelPeople() {
  const channel = await api(`/channels/${state.chat.id}`);
  const isAdmin = channel.owner_id === state.userId || channel.admins.some((a) => a.user_id === state.userId);
  const signature = JSON.stringify([state.userId, channel, isAdmin]);
  if (signature === state.toolsRendered) { return; }
  state.toolsRendered = signature;
  $('channel-tools').hidden = !isAdmin;
  $('add-admin-form').hidden = !isAdmin;
  const people = $('channel-people');
  people.innerHTML = '';
  if (!isAdmin) { return; }
  const admins = channel.admins.map((a) => nameOf(a.user_id)).join(', ');
  people.appendChild(el('div', 'admins', `${t('admins')}: ${admins || t('none')}`));
  const members = channel.members.filter((m) => m.status === 'member').map((m) => nameOf(m.user_id)).join(', ');
  people.appendChild(el('div', 'members', `${t('members')} (${channel.member_count}): ${members || t('none')}`));
  const requests = el('div', 'requests', `${t('requests')}: ${channel.join_requests.length ? '' : t('none')}`);
  channel.join_requests.forEach((r) => {
    const item = el('span', 'join-request');
    item.dataset.userId = r.user_id;
    item.appendChild(el('span', null, ' ' + nameOf(r.user_id) + ' '));
    const decide = (how) => post(`/channels/${state.chat.id}/join-requests/${r.user_id}/${how}`,
      { actor_id: state.userId }).then(refresh).catch(fail);
    item.appendChild(button('approve-request', t('approve'), () => decide('approve')));
    item.appendChild(button('decline-request', t('decline'), () => decide('decline')));
    requests.appendChild(item);
  });
  people.appendChild(requests);
}

// The "add an admin" form: any bot or user, with the rights ticked (all but "add admins" by default).
function renderAdminForm() {
  const select = $('add-admin-user');
  select.innerHTML = '';
  state.bots.concat(state.users).filter((a) => a.id !== state.userId).forEach((a) => {
    const option = el('option', null, nameOf(a.id));
    option.value = a.id;
    select.appendChild(option);
  });
  const rights = $('add-admin-rights');
  rights.innerHTML = '';
  Object.entries(TEXTS.rights).forEach(([key, label]) => {
    const box = el('label', 'right');
    const check = el('input');
    check.type = 'checkbox';
    check.name = key;
    check.checked = key !== 'can_promote_members';
    box.appendChild(check);
    box.appendChild(document.createTextNode(label));
    rights.appendChild(box);
  });
}

$('add-admin-form').onsubmit = (event) => {
  event.preventDefault();
  const rights = {};
  $('add-admin-rights').querySelectorAll('input').forEach((c) => { rights[c.name] = c.checked; });
  post(`/channels/${state.chat.id}/admins`, { user_id: Number($('add-admin-user').value), actor_id: state.userId,
    rights }).then(() => { status(t('adminAdded')); refresh(); }).catch(fail);
};

// A button under a bot's message in a private chat, or under a post in a channel (the posting bot gets the press).
async function press(messageId, data, inChannel) {
  try {
    const { callback_id: id } = inChannel
      ? await post(`/channels/${state.chat.id}/posts/${messageId}/callback`, { user_id: state.userId, data })
      : await post(`/users/${state.userId}/bots/${state.chat.id}/callback`, { message_id: messageId, data });
    setTimeout(async () => {
      const answer = await api('/callbacks/' + id).catch(() => null);
      if (answer && answer.text) { state.toast = answer.text; refresh(); }
    }, 700);
    refresh();
  } catch (e) { fail(e); }
}

// A web_app button: the sandbox signs initData for this user and bot; the page opens in the side panel,
// under a hint with what the Mini App will ask (the phone, the sandbox's one sign-in code, the password).
async function openWebApp(url, title) {
  try {
    const launch = await post(`/users/${state.userId}/bots/${state.chat.id}/web-app`, { url });
    const me = state.users.find((u) => u.id === state.userId) || {};
    // The code in bold: the one thing a person cannot guess (Telegram would send it to their app).
    const hint = $('signin-hint');
    hint.innerHTML = '';
    t('signin', { phone: me.phone || '—', code: '\u0000', password: t('signinPassword') }).split('\u0000')
      .forEach((part, i) => {
        if (i > 0) { hint.appendChild(el('strong', 'login-code', state.info.login_code)); }
        hint.appendChild(document.createTextNode(part));
      });
    $('webapp-title').textContent = title || url;
    $('webapp-frame').src = launch.url;
    $('webapp-panel').hidden = false;
  } catch (e) { fail(e); }
}

$('webapp-close').onclick = () => { $('webapp-panel').hidden = true; $('webapp-frame').src = 'about:blank'; };

async function openLink(link) {
  try {
    const result = await post('/invite-links/open', { user_id: state.userId, link });
    status(result.outcome === 'joined' ? t('joined') : t('requested'));
    refresh();
  } catch (e) { fail(e); }
}

$('composer').onsubmit = async (event) => {
  event.preventDefault();
  const text = $('message-input').value.trim();
  const file = $('file-input').files[0];
  if ((!text && !file) || !state.chat) { return; }
  try {
    const isBot = state.chat.kind === 'bot';
    if (file) {
      const form = new FormData();
      form.append('file', file, file.name);
      if (text) { form.append('caption', text); }
      if (!isBot) { form.append('user_id', state.userId); }
      await api(isBot ? `/users/${state.userId}/bots/${state.chat.id}/documents` : `/channels/${state.chat.id}/posts`,
        { method: 'POST', body: form });
      $('file-input').value = '';
      status(t('sentFile'));
    } else if (isBot) {
      await post(`/users/${state.userId}/bots/${state.chat.id}/messages`, { text });
    } else {
      await post(`/channels/${state.chat.id}/posts`, { user_id: state.userId, text });
    }
    $('message-input').value = '';
    state.toast = null;
    refresh();
  } catch (e) { fail(e); }
};

$('user-select').onchange = () => {
  state.userId = Number($('user-select').value);
  state.chatsRendered = '';
  status('');
  closeChat();
  renderAdminForm();
  refresh();
};

$('new-user-form').onsubmit = async (event) => {
  event.preventDefault();
  try {
    const value = (id) => $(id).value.trim() || null;
    const user = await post('/users', { first_name: value('new-user-name'), username: value('new-user-username'),
      phone: value('new-user-phone'), password: value('new-user-password'), language_code: LANG });
    ['new-user-name', 'new-user-username', 'new-user-phone', 'new-user-password'].forEach((id) => { $(id).value = ''; });
    await loadUsers(user.id);
    $('user-select').onchange();
    status(t('userCreated'));
  } catch (e) { fail(e); }
};

$('new-channel-form').onsubmit = async (event) => {
  event.preventDefault();
  if (!state.userId) { status(t('noUser')); return; }
  try {
    const channel = await post('/channels', { owner_id: state.userId, title: $('new-channel-title').value.trim() });
    $('new-channel-title').value = '';
    status(t('channelCreated'));
    openChat({ id: channel.id, kind: 'channel', title: channel.title, role: 'owner' });
  } catch (e) { fail(e); }
};

$('open-link-form').onsubmit = (event) => {
  event.preventDefault();
  openLink($('open-link-input').value.trim());
};

$('two-panes').onclick = () => {
  const other = state.users.find((u) => u.id !== state.userId);
  if (!other) { status(t('pickTwo')); return; }
  location.href = `split.html?left=${state.userId}&right=${other.id}`;
};

$('reset-button').onclick = () => {
  if (!window.confirm(t('resetConfirm'))) { return; }
  post('/reset').then(() => { closeChat(); return loadUsers(); }).then(refresh).catch(fail);
};

// The guided demo (./run-local --demo): the sandbox relays to the launcher, which drives the bot as people would.
$('demo-button').onclick = () => post('/demo').then(watchDemo).catch(fail);

function watchDemo() {
  api('/demo').then(async (d) => {
    if (d.state === 'running') {
      $('demo-status').textContent = t('demoRunning', { step: d.step || '' });
      setTimeout(watchDemo, 1000);
      return;
    }
    $('demo-status').textContent = d.state === 'done' ? t('demoDone') : t('demoFailed', { error: d.error || '' });
    await loadUsers(d.owner_id);
    $('user-select').onchange();
  }).catch(fail);
}

translatePage();
api('/info').then((info) => { state.info = info; $('demo-button').hidden = !info.demo; }).catch(fail);
loadUsers().then(() => { renderAdminForm(); return refresh(); });
setInterval(refresh, 1000);
// Users made in another pane or by the demo appear in the selector without a reload.
setInterval(() => api('/users').then((users) => {
  if (users.length !== state.users.length) { loadUsers(state.userId).then(renderAdminForm); }
}).catch(() => {}), 3000);
