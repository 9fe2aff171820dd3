// The sandbox's chat page: acts as one user through the control API (/sandbox/api) and polls for changes.
'use strict';

const api = (path, options = {}) => fetch('/sandbox/api' + path, {
  headers: { 'Content-Type': 'application/json' }, ...options,
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

const state = { userId: null, chat: null, rendered: '', chatsRendered: '', toast: null };

function status(text) { $('status').textContent = text || ''; }

async function loadUsers(selectId) {
  const users = await api('/users');
  const select = $('user-select');
  select.innerHTML = '';
  users.forEach((u) => {
    const option = el('option', null, `${u.first_name}${u.username ? ' @' + u.username : ''} (${u.id})`);
    option.value = u.id;
    select.appendChild(option);
  });
  const wanted = selectId || new URLSearchParams(location.search).get('user') || state.userId;
  if (wanted && users.some((u) => String(u.id) === String(wanted))) { select.value = String(wanted); }
  state.userId = select.value ? Number(select.value) : null;
}

async function loadChats() {
  if (!state.userId) { return; }
  const chats = await api(`/users/${state.userId}/chats`);
  const signature = JSON.stringify([state.userId, chats, state.chat && state.chat.id]);
  if (signature === state.chatsRendered) { return; }
  state.chatsRendered = signature;
  const list = $('chat-list');
  list.innerHTML = '';
  chats.forEach((c) => {
    const item = el('div', 'chat-item');
    item.dataset.chatId = c.chat_id;
    item.dataset.kind = c.kind;
    if (state.chat && state.chat.id === c.chat_id) { item.classList.add('active'); }
    item.appendChild(el('div', 'title', (c.kind === 'bot' ? '🤖 ' : '📢 ') + c.title
      + (c.role ? ` · ${c.role}` : '')));
    item.appendChild(el('div', 'preview', c.last_text || (c.kind === 'bot' && !c.started ? 'not started' : '')));
    item.onclick = () => { state.chat = { id: c.chat_id, kind: c.kind, title: c.title, role: c.role };
      state.rendered = ''; refresh(); };
    list.appendChild(item);
  });
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
    const join = el('button', 'join-button', 'Open ' + link);
    join.onclick = () => openLink(link);
    box.appendChild(join);
  });
  (m.inline_keyboard || []).forEach((row) => {
    const r = el('div', 'inline-row');
    row.forEach((b) => {
      const button = el('button', 'inline-button', b.text);
      if (b.callback_data !== undefined) {
        button.dataset.callback = b.callback_data;
        button.onclick = () => press(m.message_id, b.callback_data);
      } else if (b.web_app && b.web_app.url) {
        button.dataset.webApp = b.web_app.url;
        button.onclick = () => openWebApp(b.web_app.url, b.text);
      } else if (b.url) {
        button.onclick = () => (inviteLinks(b.url).length ? openLink(b.url) : window.open(b.url, '_blank'));
      }
      r.appendChild(button);
    });
    box.appendChild(r);
  });
  const meta = [new Date(m.date * 1000).toLocaleTimeString()];
  if (m.edit_count > 0) { meta.push(`edited ×${m.edit_count}`); }
  if (m.protected_content) { meta.push('🔒 protected'); }
  if (m.views !== undefined && m.views !== null) { meta.push(`👁 ${m.views}`); }
  box.appendChild(el('div', 'meta', meta.join(' · ')));
  return box;
}

function renderReplyKeyboard(rows) {
  const keyboard = $('reply-keyboard');
  keyboard.innerHTML = '';
  (rows || []).forEach((row) => {
    const r = el('div', 'row');
    row.forEach((b) => {
      const text = typeof b === 'string' ? b : b.text;
      const button = el('button', 'reply-button', text);
      if (b && b.web_app && b.web_app.url) {
        button.dataset.webApp = b.web_app.url;
        button.onclick = () => openWebApp(b.web_app.url, text);
        r.appendChild(button);
        return;
      }
      button.onclick = () => post(`/users/${state.userId}/bots/${state.chat.id}/reply-button`, { text })
        .then(refresh).catch((e) => status(e.message));
      r.appendChild(button);
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
    if (state.chat.kind === 'bot') {
      try {
        const dialog = await api(`/users/${state.userId}/bots/${state.chat.id}`);
        messages = dialog.messages;
        keyboard = dialog.reply_keyboard;
      } catch (e) { messages = []; }
    } else {
      messages = await api(`/channels/${state.chat.id}/posts?viewer_id=${state.userId}`);
    }
    const signature = JSON.stringify([messages, keyboard, state.toast]);
    if (signature === state.rendered) { return; }
    state.rendered = signature;
    renderTitle();
    const box = $('messages');
    box.innerHTML = '';
    messages.forEach((m) => box.appendChild(renderMessage(m, state.chat.kind === 'channel')));
    if (state.toast) { box.appendChild(el('div', 'toast', state.toast)); }
    box.scrollTop = box.scrollHeight;
    renderReplyKeyboard(keyboard);
    status('');
  } catch (e) { status(e.message); }
}

function renderTitle() {
  const title = $('chat-title');
  title.textContent = state.chat.title;
  if (state.chat.kind === 'channel' && state.chat.role === 'member') {
    const leave = el('button', 'leave-button', 'Leave channel');
    leave.onclick = () => post(`/channels/${state.chat.id}/leave`, { user_id: state.userId })
      .then(() => { state.chat = null; $('messages').innerHTML = ''; $('chat-title').textContent = 'Pick a chat';
        refresh(); })
      .catch((e) => status(e.message));
    title.appendChild(leave);
  }
}

async function press(messageId, data) {
  try {
    const { callback_id: id } = await post(`/users/${state.userId}/bots/${state.chat.id}/callback`,
      { message_id: messageId, data });
    setTimeout(async () => {
      const answer = await api('/callbacks/' + id).catch(() => null);
      if (answer && answer.text) { state.toast = answer.text; refresh(); }
    }, 700);
    refresh();
  } catch (e) { status(e.message); }
}

// A web_app button: the sandbox signs initData for this user and bot; the page opens in the side panel.
async function openWebApp(url, title) {
  try {
    const launch = await post(`/users/${state.userId}/bots/${state.chat.id}/web-app`, { url });
    $('webapp-title').textContent = title || url;
    $('webapp-frame').src = launch.url;
    $('webapp-panel').hidden = false;
  } catch (e) { status(e.message); }
}

$('webapp-close').onclick = () => { $('webapp-panel').hidden = true; $('webapp-frame').src = 'about:blank'; };

async function openLink(link) {
  try {
    const result = await post('/invite-links/open', { user_id: state.userId, link });
    status(result.outcome === 'joined' ? 'Joined the channel' : 'Join request sent');
    refresh();
  } catch (e) { status(e.message); }
}

$('composer').onsubmit = async (event) => {
  event.preventDefault();
  const text = $('message-input').value.trim();
  if (!text || !state.chat) { return; }
  try {
    if (state.chat.kind === 'bot') {
      await post(`/users/${state.userId}/bots/${state.chat.id}/messages`, { text });
    } else {
      await post(`/channels/${state.chat.id}/posts`, { user_id: state.userId, text });
    }
    $('message-input').value = '';
    state.toast = null;
    refresh();
  } catch (e) { status(e.message); }
};

$('user-select').onchange = () => {
  state.userId = Number($('user-select').value);
  state.chat = null;
  state.rendered = '';
  state.chatsRendered = '';
  $('messages').innerHTML = '';
  refresh();
};

$('new-user-form').onsubmit = async (event) => {
  event.preventDefault();
  try {
    const user = await post('/users', { first_name: $('new-user-name').value,
      username: $('new-user-username').value || null });
    await loadUsers(user.id);
    refresh();
  } catch (e) { status(e.message); }
};

$('open-link-form').onsubmit = (event) => {
  event.preventDefault();
  openLink($('open-link-input').value.trim());
};

loadUsers().then(refresh);
setInterval(refresh, 1000);
