// The recording panel: a webview that plays one media file and reports its state. It loads nothing
// but that file (its folder is the only local resource root; the content security policy allows no
// other source, nothing remote) and streams it through the media element. No logic beyond playing.
import * as path from 'path';
import * as vscode from 'vscode';

export const RECORDING_VIEW_TYPE = 'verbatim.recording';
export const VIDEO_EXTENSIONS = ['.mp4', '.webm', '.mov', '.mkv', '.ogv'];

/** What the panel reports: on load, on play/pause/seek/rate changes and a few times a second while playing. */
export interface PlayerState {
  time: number;
  duration: number | null;
  paused: boolean;
  rate: number;
}

export type ToPlayer =
  | { type: 'toggle' }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'seek'; seconds: number; play: boolean }
  | { type: 'skip'; seconds: number }
  | { type: 'rate'; delta: number }
  | { type: 'speaker'; text: string };

type FromPlayer = ({ type: 'state' } & PlayerState) | { type: 'error'; code: number; message: string } | { type: 'blocked' };

export class RecordingPanel {
  readonly state: PlayerState = { time: 0, duration: null, paused: true, rate: 1 };
  private readonly stateListeners: Array<(state: PlayerState) => void> = [];
  private readonly loaded: Promise<void>;

  private constructor(
    readonly panel: vscode.WebviewPanel,
    readonly transcript: vscode.Uri,
    readonly media: vscode.Uri,
    onError: (message: string) => void,
  ) {
    let markLoaded = () => undefined as void;
    this.loaded = new Promise((resolve) => (markLoaded = resolve));
    panel.webview.onDidReceiveMessage((message: FromPlayer) => {
      if (message?.type === 'state') {
        Object.assign(this.state, { time: message.time, duration: message.duration, paused: message.paused, rate: message.rate });
        if (message.duration !== null) markLoaded();
        for (const listener of this.stateListeners) listener(this.state);
      } else if (message?.type === 'error') {
        onError(cannotPlayMessage(media, message.code, message.message));
      } else if (message?.type === 'blocked') {
        onError('The browser did not let the recording start by itself: click Play in the recording panel once, and the keyboard commands work from then on.');
      }
    });
  }

  /** Opens the panel beside the editor without taking the keyboard from it. */
  static open(transcript: vscode.Uri, media: vscode.Uri, onError: (message: string) => void): RecordingPanel {
    const folder = vscode.Uri.joinPath(media, '..');
    const panel = vscode.window.createWebviewPanel(
      RECORDING_VIEW_TYPE,
      `Recording: ${path.posix.basename(media.path)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [folder], retainContextWhenHidden: true, enableFindWidget: false },
    );
    panel.webview.html = playerHtml(panel.webview, media);
    return new RecordingPanel(panel, transcript, media, onError);
  }

  post(message: ToPlayer): void {
    // What the player will do, at once: its own report arrives a moment later, and a command in
    // between (a keystroke right after Play/Pause) must not act on the old state.
    if (message.type === 'toggle') this.state.paused = !this.state.paused;
    else if (message.type === 'pause') this.state.paused = true;
    else if (message.type === 'play' || (message.type === 'seek' && message.play)) this.state.paused = false;
    void this.panel.webview.postMessage(message);
  }

  onState(listener: (state: PlayerState) => void): void {
    this.stateListeners.push(listener);
  }

  /** Resolves once the media's duration is known (it may never be, for a file that cannot play). */
  whenLoaded(): Promise<void> {
    return this.loaded;
  }
}

/** Says why a file cannot play and what to do, instead of failing silently. */
export function cannotPlayMessage(media: vscode.Uri, code: number, detail: string): string {
  const name = path.posix.basename(media.path);
  const stem = name.replace(/\.[^.]+$/, '');
  if (code === 4 || code === 3) {
    return (
      `Verbatim cannot play ${name} here: this editor's media player cannot decode it (the format is not supported, or the file is damaged; desktop VS Code has no H.264 or AAC, so most .mp4 and .m4a files fail). ` +
      `Convert it to MP3 or WebM, for example with ffmpeg: \`ffmpeg -i "${name}" -vn "${stem}.mp3"\` (audio) or \`ffmpeg -i "${name}" "${stem}.webm"\` (video), then open that file.` +
      (detail ? ` (${detail})` : '')
    );
  }
  return `Verbatim could not load ${name} (${detail || `media error ${code}`}). The panel can read files on this machine or in this workspace's file system only.`;
}

function playerHtml(webview: vscode.Webview, media: vscode.Uri): string {
  const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  const source = webview.asWebviewUri(media).toString();
  const tag = VIDEO_EXTENSIONS.includes(path.posix.extname(media.path).toLowerCase()) ? 'video' : 'audio';
  const name = escapeHtml(path.posix.basename(media.path));
  const rates = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2].map((rate) => `<option value="${rate}"${rate === 1 ? ' selected' : ''}>${rate}×</option>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; media-src ${webview.cspSource}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0.5em 1em; }
  h1 { font-size: 1.1em; font-weight: 600; margin: 0.4em 0; word-break: break-all; }
  audio, video { width: 100%; max-height: 60vh; margin: 0.5em 0; }
  .row { display: flex; gap: 1em; align-items: center; flex-wrap: wrap; margin: 0.4em 0; }
  button, select { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 0.3em 0.8em; }
  select { color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); }
  .time { font-family: var(--vscode-editor-font-family); font-size: 1.2em; }
  .speaker { font-weight: 600; }
  .error { color: var(--vscode-errorForeground); border: 1px solid var(--vscode-inputValidation-errorBorder); padding: 0.5em; }
  .hint { opacity: 0.75; font-size: 0.9em; }
</style>
</head>
<body>
<h1 id="name">${name}</h1>
<${tag} id="media" src="${source}" preload="metadata" controls></${tag}>
<div class="row">
  <button id="play" type="button">Play</button>
  <span class="time"><span id="position">00:00:00</span> / <span id="duration">--:--:--</span></span>
  <label>Speed <select id="rate">${rates}</select></label>
</div>
<div class="row">Speaking now: <span id="speaker" class="speaker">–</span></div>
<div id="error" class="error" role="alert" hidden></div>
<p class="hint">The keyboard stays in the transcript: Verbatim's commands (Play/Pause, Skip, Speed, Insert Timestamp, Play from Cursor, Sync Here) work from the editor.</p>
<script nonce="${nonce}">
(function () {
  const vscode = acquireVsCodeApi();
  const media = document.getElementById('media');
  const play = document.getElementById('play');
  const rate = document.getElementById('rate');
  const clock = (s) => {
    if (!isFinite(s)) return '--:--:--';
    s = Math.max(0, Math.floor(s));
    const two = (n) => String(n).padStart(2, '0');
    return two(Math.floor(s / 3600)) + ':' + two(Math.floor((s % 3600) / 60)) + ':' + two(s % 60);
  };
  const report = () => {
    document.getElementById('position').textContent = clock(media.currentTime);
    document.getElementById('duration').textContent = clock(media.duration);
    play.textContent = media.paused ? 'Play' : 'Pause';
    rate.value = String(media.playbackRate);
    vscode.postMessage({ type: 'state', time: media.currentTime, duration: isFinite(media.duration) ? media.duration : null, paused: media.paused, rate: media.playbackRate });
  };
  // A browser may refuse to start playback before the user has clicked in the page (autoplay policy).
  const start = () => media.play().catch((error) => {
    if (error && error.name === 'NotAllowedError') vscode.postMessage({ type: 'blocked' });
  });
  for (const event of ['loadedmetadata', 'durationchange', 'play', 'pause', 'seeked', 'ratechange', 'timeupdate', 'ended']) media.addEventListener(event, report);
  media.addEventListener('error', () => {
    const error = media.error;
    const box = document.getElementById('error');
    box.hidden = false;
    box.textContent = 'This file cannot be played here' + (error && error.message ? ' (' + error.message + ')' : '') + '. See the notification for what to do.';
    vscode.postMessage({ type: 'error', code: error ? error.code : 0, message: error && error.message ? error.message : '' });
  });
  play.addEventListener('click', () => (media.paused ? start() : media.pause()));
  rate.addEventListener('change', () => { media.playbackRate = Number(rate.value); });
  window.addEventListener('message', (event) => {
    const message = event.data;
    switch (message && message.type) {
      case 'toggle': media.paused ? start() : media.pause(); break;
      case 'play': start(); break;
      case 'pause': media.pause(); break;
      case 'seek': media.currentTime = Math.max(0, Math.min(message.seconds, isFinite(media.duration) ? media.duration : message.seconds)); if (message.play) start(); break;
      case 'skip': media.currentTime = Math.max(0, media.currentTime + message.seconds); break;
      case 'rate': media.playbackRate = Math.min(2, Math.max(0.5, Math.round((media.playbackRate + message.delta) * 100) / 100)); break;
      case 'speaker': document.getElementById('speaker').textContent = message.text; break;
    }
  });
})();
</script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
