// The preview's shell, in the browser: follows the server's status (server-sent events), shows the
// fit meter and the brief's problems, and swaps in each new rendering without losing the reader's
// place or zoom. The pages themselves are a static document in a sandboxed frame.
'use strict';

const $ = (id) => document.getElementById(id);
const viewport = $('viewport');
const stage = $('stage');
const frames = [$('frame-a'), $('frame-b')];
// The pages are 816 px (8.5 in) wide; the frame leaves a gutter either side.
const FRAME_WIDTH = 880;
const ZOOM_MIN = 0.25;
const ZOOM_MAX = 2;

let front = 0;
let shownVersion = -1;
let loadingVersion = -1;
let height = 0;
let zoom = clamp(Number(localStorage.getItem('brief-preview-zoom')) || 1);

function clamp(z) {
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(z * 100) / 100));
}

function layout() {
  stage.style.width = `${FRAME_WIDTH * zoom}px`;
  stage.style.height = `${height * zoom}px`;
  for (const frame of frames) {
    frame.style.width = `${FRAME_WIDTH}px`;
    frame.style.transform = `scale(${zoom})`;
  }
  $('zoom').value = String(Math.round(zoom * 100));
  $('zoom-value').textContent = `${Math.round(zoom * 100)}%`;
}

// Zoom about the middle of the top of the view, so what the reader looks at stays in view.
function setZoom(next) {
  next = clamp(next);
  if (next === zoom) return;
  const ratio = next / zoom;
  const x = viewport.scrollLeft + viewport.clientWidth / 2;
  const y = viewport.scrollTop;
  zoom = next;
  layout();
  viewport.scrollLeft = x * ratio - viewport.clientWidth / 2;
  viewport.scrollTop = y * ratio;
  localStorage.setItem('brief-preview-zoom', String(zoom));
}

// Load a rendering into the hidden frame; swap when it has loaded. The view's scroll position is
// the viewport's, not the frame's, so it stays where it was.
function showPages(version) {
  if (version === shownVersion || version === loadingVersion) return;
  loadingVersion = version;
  const back = frames[1 - front];
  back.onload = () => {
    if (loadingVersion !== version) return;
    const doc = back.contentDocument;
    const h = doc ? doc.documentElement.scrollHeight : 0;
    back.style.height = `${h}px`;
    height = h;
    back.classList.remove('back');
    back.removeAttribute('aria-hidden');
    back.removeAttribute('tabindex');
    const old = frames[front];
    old.classList.add('back');
    old.setAttribute('aria-hidden', 'true');
    old.setAttribute('tabindex', '-1');
    front = 1 - front;
    shownVersion = version;
    loadingVersion = -1;
    layout();
    document.body.dataset.pagesVersion = String(version);
  };
  back.src = `/pages.html?v=${version}`;
}

function showStatus(status) {
  document.title = `${status.product} · brief preview`;
  $('product').textContent = status.product;
  const meter = $('meter');
  const broken = status.errors.length > 0;
  if (status.fit) {
    meter.textContent = status.fit.text;
    meter.className = `meter ${status.fit.fits ? 'fits' : 'overflows'}${broken ? ' stale' : ''}`;
    meter.title = broken ? 'the fit of the last good rendering; the brief does not build now' : `rebuilt in ${status.ms} ms`;
  } else {
    meter.textContent = broken ? 'no rendering yet' : 'laying the brief out…';
    meter.className = 'meter';
  }
  const panel = $('errors');
  const list = $('error-list');
  list.replaceChildren(
    ...status.errors.map((e) => {
      const li = document.createElement('li');
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = `${e.file}:${e.line}:${e.column}`;
      li.append(where, `: ${e.message}`);
      return li;
    }),
  );
  $('errors-title').textContent = status.pagesVersion > 0 ? 'The brief does not build; showing the last good rendering' : 'The brief does not build';
  panel.hidden = !broken;
  document.body.dataset.version = String(status.version);
  showPages(status.pagesVersion);
}

$('zoom-in').addEventListener('click', () => setZoom(zoom + 0.1));
$('zoom-out').addEventListener('click', () => setZoom(zoom - 0.1));
$('zoom-fit').addEventListener('click', () => setZoom((viewport.clientWidth - 8) / FRAME_WIDTH));
$('zoom').addEventListener('input', (e) => setZoom(Number(e.target.value) / 100));
document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.target instanceof HTMLInputElement) return;
  if (e.key === '+' || e.key === '=') setZoom(zoom + 0.1);
  else if (e.key === '-') setZoom(zoom - 0.1);
  else if (e.key === '0') setZoom((viewport.clientWidth - 8) / FRAME_WIDTH);
});

layout();
const events = new EventSource('/events');
events.addEventListener('status', (e) => showStatus(JSON.parse(e.data)));
events.addEventListener('open', () => ($('connection').textContent = ''));
events.addEventListener('error', () => ($('connection').textContent = 'the preview server does not answer (stopped?)'));
