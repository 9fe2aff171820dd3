// The account connection page: phone → code → 2FA password. Plain JS, no external scripts.
// Telegram passes the signed initData in the URL fragment (#tgWebAppData=…); with telegram-web-app.js
// loaded it is also in window.Telegram.WebApp.initData. Every request carries it; the bot checks it.
'use strict';

const $ = (id) => document.getElementById(id);

function readInitData() {
  const params = new URLSearchParams(location.hash.slice(1));
  const fromHash = params.get('tgWebAppData');
  if (fromHash) { return fromHash; }
  const webApp = window.Telegram && window.Telegram.WebApp;
  return webApp && webApp.initData ? webApp.initData : null;
}

function languageOf(initData) {
  try {
    const user = JSON.parse(new URLSearchParams(initData || '').get('user') || '{}');
    return user.language_code || 'ru';
  } catch (e) { return 'ru'; }
}

const initData = readInitData();
const lang = languageOf(initData);
const state = { texts: {}, loginId: null, step: 'phone', lastAction: null, timer: null };

const t = (key, arg) => (state.texts['miniapp.page.' + key] || key).replace('{0}', arg);

function show(step, keepInput) {
  state.step = step;
  ['phone-form', 'code-form', 'password-form', 'done'].forEach((id) => { $(id).hidden = id !== step; });
  const input = { 'phone-form': 'phone', 'code-form': 'code', 'password-form': 'password' }[step];
  if (input) {
    if (!keepInput) { $(input).value = ''; }
    $(input).focus();
  }
}

function busy(on) {
  $('working').hidden = !on;
  document.querySelectorAll('button').forEach((b) => { b.disabled = on; });
}

function showError(problem, action) {
  state.lastAction = action;
  $('error').hidden = false;
  $('error-text').textContent = problem.detail || problem.title || 'Error';
  $('error').dataset.code = problem.code || '';
  $('retry').hidden = problem.restart || problem.code === 'init_data';
  $('start-over').hidden = problem.code === 'init_data';
  clearInterval(state.timer);
  if (problem.retryAfter) {
    let left = problem.retryAfter;
    $('retry').disabled = true;
    $('retry').textContent = t('wait_seconds', left);
    state.timer = setInterval(() => {
      left -= 1;
      if (left <= 0) {
        clearInterval(state.timer);
        $('retry').disabled = false;
        $('retry').textContent = t('retry');
      } else { $('retry').textContent = t('wait_seconds', left); }
    }, 1000);
  }
}

function clearError() {
  clearInterval(state.timer);
  $('error').hidden = true;
  $('retry').textContent = t('retry');
}

async function call(path, body) {
  const response = await fetch('api/login/' + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'tma ' + initData, 'Accept-Language': lang },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({ detail: 'HTTP ' + response.status }));
  if (!response.ok) { throw answer; }
  return answer;
}

async function submit(path, body, form) {
  clearError();
  busy(true);
  try {
    const progress = await call(path, body);
    if (progress.state === 'ready') {
      $('done-account').textContent = progress.account || '';
      show('done');
    } else {
      state.loginId = progress.loginId;
      show(progress.state === 'password_required' ? 'password-form' : 'code-form');
    }
  } catch (problem) {
    if (problem.restart) { state.loginId = null; }
    showError(problem, form);
  } finally { busy(false); }
}

$('phone-form').onsubmit = (e) => { e.preventDefault(); submit('start', { phone: $('phone').value }, 'phone-form'); };
$('code-form').onsubmit = (e) => {
  e.preventDefault();
  submit('code', { loginId: state.loginId, code: $('code').value }, 'code-form');
};
$('password-form').onsubmit = (e) => {
  e.preventDefault();
  submit('password', { loginId: state.loginId, password: $('password').value }, 'password-form');
};
$('retry').onclick = () => { clearError(); show(state.lastAction || 'phone-form', state.lastAction === 'phone-form'); };
$('start-over').onclick = () => { clearError(); state.loginId = null; show('phone-form'); };

async function init() {
  try {
    const response = await fetch('api/texts?lang=' + encodeURIComponent(lang));
    state.texts = await response.json();
  } catch (e) { state.texts = {}; }
  document.documentElement.lang = lang.startsWith('en') ? 'en' : 'ru';
  document.querySelectorAll('[data-text]').forEach((el) => {
    el.textContent = state.texts[el.dataset.text] || '';
  });
  $('phone').placeholder = t('phone_hint');
  if (window.Telegram && window.Telegram.WebApp) { window.Telegram.WebApp.ready(); }
  if (!initData) { $('no-telegram').hidden = false; return; }
  show('phone-form');
}

init();
