// The recording beside the transcript: commands and keybindings that drive the panel from the
// editor, the memory of which media belongs to which transcript (with its sync points), and
// follow-along. Every time estimate comes from the language server (features/recording.ts).
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ADD_SYNC_POINT_REQUEST,
  ESTIMATE_TIME_REQUEST,
  FORMAT_TIMESTAMP_REQUEST,
  PLAY_AT_COMMAND,
  POSITION_AT_TIME_REQUEST,
  SET_RECORDING_REQUEST,
  type Range,
  type SyncPointData,
} from '../../server/src/recordingProtocol';
import { RecordingPanel, VIDEO_EXTENSIONS, type PlayerState } from './recordingPanel';
import { FOLLOW_TURN_COMMAND } from './speakersModel';

/** Media found next to a transcript with the same base name, in this order, open without asking. */
export const MEDIA_EXTENSIONS = ['.mp3', '.wav', '.ogg', '.webm', '.mp4', '.m4a'];
/** Per transcript (URI): its media and sync points, in the workspace's state: never in the text. */
const MEMORY_KEY = 'verbatim.recordings';
const RATE_STEP = 0.25;
/** While playing, how often the panel's speaker (and follow-along) asks the server where the text is. */
const FOLLOW_INTERVAL_MS = 1000;
/** After this long without a keystroke, playback paused by typing resumes. */
const TYPING_PAUSE_MS = 1500;

interface Remembered {
  media: string;
  syncPoints: SyncPointData[];
}

export function activateRecording(context: vscode.ExtensionContext, client: LanguageClient, languageId: string): void {
  const recording = new RecordingController(context, client, languageId);
  const commands: Record<string, (...args: never[]) => unknown> = {
    'verbatim.openRecording': () => recording.open(),
    'verbatim.playPause': () => recording.withPanel((panel) => recording.togglePlay(panel)),
    'verbatim.skipBack': () => recording.withPanel((panel) => panel.post({ type: 'skip', seconds: -recording.setting('skipSeconds', 5) })),
    'verbatim.skipForward': () => recording.withPanel((panel) => panel.post({ type: 'skip', seconds: recording.setting('skipSeconds', 5) })),
    'verbatim.slower': () => recording.withPanel((panel) => panel.post({ type: 'rate', delta: -RATE_STEP })),
    'verbatim.faster': () => recording.withPanel((panel) => panel.post({ type: 'rate', delta: RATE_STEP })),
    'verbatim.insertTimestamp': () => recording.insertTimestamp(),
    'verbatim.playFromCursor': () => recording.playFromCursor(),
    'verbatim.syncHere': () => recording.syncHere(),
    'verbatim.clearSyncPoints': () => recording.clearSyncPoints(),
    'verbatim.toggleFollowAlong': () => recording.toggleFollowAlong(),
    [PLAY_AT_COMMAND]: (target: { uri?: string; seconds?: number; preRoll?: boolean }) => recording.playAt(target),
  };
  for (const [id, run] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(id, run));
  context.subscriptions.push(recording);
}

class RecordingController implements vscode.Disposable {
  private panel: RecordingPanel | undefined;
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.rangeHighlightForeground'),
  });
  private followAlong = false;
  private lastFollow = 0;
  private lastKeystroke = 0;
  private pausedByTyping = false;
  private typingTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly languageId: string,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => this.onTyping(event)),
      // The server forgets a recording when its transcript closes; reopened, it is told again.
      vscode.workspace.onDidOpenTextDocument((document) => {
        const panel = this.panel;
        if (panel && panel.state.duration !== null && document.uri.toString() === panel.transcript.toString()) void this.attach(panel);
      }),
    );
  }

  setting<T>(key: string, fallback: T): T {
    return vscode.workspace.getConfiguration('verbatim.recording').get<T>(key, fallback);
  }

  /** `Verbatim: Open Recording`: the remembered file, else one with the transcript's name, else a picker. */
  async open(document = this.activeTranscript()): Promise<RecordingPanel | undefined> {
    if (!document) {
      void vscode.window.showInformationMessage('Verbatim: open a caption transcript first; its recording opens beside it.');
      return undefined;
    }
    const remembered = this.memory()[document.uri.toString()];
    const media =
      (remembered && (await exists(vscode.Uri.parse(remembered.media))) ? vscode.Uri.parse(remembered.media) : undefined) ??
      (await sameName(document.uri)) ??
      (await pick(document.uri));
    if (!media) return undefined;
    await this.remember(document.uri, { media: media.toString(), syncPoints: remembered?.media === media.toString() ? remembered.syncPoints : [] });
    this.panel?.panel.dispose();
    const panel = RecordingPanel.open(document.uri, media, (message) => void vscode.window.showWarningMessage(message));
    this.panel = panel;
    panel.panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      this.clearHighlight();
      this.client
        .sendRequest(SET_RECORDING_REQUEST, { textDocument: { uri: document.uri.toString() }, recording: null })
        .then(undefined, (error: unknown) => this.logFailure('closing the recording', error));
    });
    panel.onState((state) => this.onPlayerState(panel, state));
    panel
      .whenLoaded()
      .then(() => this.attach(panel))
      .then(undefined, (error: unknown) => this.logFailure('attaching the recording', error));
    return panel;
  }

  /** Runs `action` on the open panel, or says how to open one. */
  withPanel(action: (panel: RecordingPanel) => void): void {
    if (this.panel) action(this.panel);
    else this.sayNoPanel();
  }

  private sayNoPanel(): void {
    void vscode.window.showInformationMessage('Verbatim: no recording is open. Run "Verbatim: Open Recording" first.');
  }

  togglePlay(panel: RecordingPanel): void {
    const rewind = this.setting('rewindOnResumeSeconds', 0);
    if (panel.state.paused && rewind > 0) panel.post({ type: 'seek', seconds: Math.max(0, panel.state.time - rewind), play: true });
    else panel.post({ type: 'toggle' });
    this.pausedByTyping = false;
  }

  /** Link, code action or hover: seek to a time of a transcript's recording (a few seconds before with `preRoll`) and play. */
  async playAt(target: { uri?: string; seconds?: number; preRoll?: boolean }): Promise<void> {
    if (typeof target?.seconds !== 'number') return;
    let panel = this.panel;
    if (!panel || (target.uri && panel.transcript.toString() !== target.uri)) {
      const document = target.uri ? vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === target.uri) : this.activeTranscript();
      panel = await this.open(document);
      if (!panel) return;
      await panel.whenLoaded();
    }
    const seconds = target.preRoll ? Math.max(0, target.seconds - this.setting('preRollSeconds', 3)) : target.seconds;
    panel.post({ type: 'seek', seconds, play: true });
  }

  async playFromCursor(): Promise<void> {
    const editor = this.transcriptEditor();
    if (!editor) return;
    const result = await this.client.sendRequest(ESTIMATE_TIME_REQUEST, {
      textDocument: { uri: editor.document.uri.toString() },
      positions: [editor.selection.active],
    });
    if (result?.estimates[0]) await this.playAt({ uri: editor.document.uri.toString(), seconds: result.estimates[0].seconds, preRoll: false });
  }

  async insertTimestamp(): Promise<void> {
    const editor = this.transcriptEditor();
    const panel = this.panel;
    if (!editor) return;
    if (!panel) return this.sayNoPanel();
    const stamp = await this.client.sendRequest(FORMAT_TIMESTAMP_REQUEST, { textDocument: { uri: editor.document.uri.toString() }, seconds: panel.state.time });
    if (stamp) await editor.edit((edit) => editor.selections.forEach((selection) => edit.replace(selection, stamp)));
  }

  /** `Verbatim: Sync Recording Here`: the words at the cursor are being said now. */
  async syncHere(): Promise<void> {
    const editor = this.transcriptEditor();
    const panel = this.panel;
    if (!editor) return;
    if (!panel) return this.sayNoPanel();
    const uri = editor.document.uri;
    const result = await this.client.sendRequest(ADD_SYNC_POINT_REQUEST, {
      textDocument: { uri: uri.toString() },
      position: editor.selection.active,
      seconds: panel.state.time,
    });
    if (!result) return;
    await this.remember(uri, { media: panel.media.toString(), syncPoints: result.syncPoints });
    void vscode.window.setStatusBarMessage(
      `Verbatim: line ${editor.selection.active.line + 1} synced to ${clock(panel.state.time)} (${result.syncPoints.length} sync point${result.syncPoints.length === 1 ? '' : 's'})`,
      4000,
    );
  }

  async clearSyncPoints(): Promise<void> {
    const panel = this.panel;
    if (!panel) return this.sayNoPanel();
    await this.remember(panel.transcript, { media: panel.media.toString(), syncPoints: [] });
    await this.attach(panel);
  }

  toggleFollowAlong(): void {
    this.followAlong = !this.followAlong;
    if (!this.followAlong) this.clearHighlight();
    void vscode.window.setStatusBarMessage(`Verbatim: follow along ${this.followAlong ? 'on' : 'off'}`, 3000);
  }

  dispose(): void {
    this.panel?.panel.dispose();
    this.highlight.dispose();
    clearTimeout(this.typingTimer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** Tells the server the recording's length and the kept sync points; keeps the ones it still finds. */
  /** A request the server could not answer (it stopped, or restarts): said in the output, never an unhandled rejection. */
  private logFailure(what: string, error: unknown): void {
    this.client.outputChannel.appendLine(`Recording: ${what} failed: ${String(error)}`);
  }

  /** Tells the server the panel's recording and keeps the sync points it still finds; a failure is logged. */
  private attach(panel: RecordingPanel): Promise<void> {
    return this.sendRecording(panel).then(undefined, (error: unknown) => this.logFailure('attaching the recording', error));
  }

  private async sendRecording(panel: RecordingPanel): Promise<void> {
    const uri = panel.transcript;
    const remembered = this.memory()[uri.toString()];
    const result = await this.client.sendRequest(SET_RECORDING_REQUEST, {
      textDocument: { uri: uri.toString() },
      recording: { durationSeconds: panel.state.duration, syncPoints: remembered?.syncPoints ?? [] },
    });
    if (!result) return;
    await this.remember(uri, { media: panel.media.toString(), syncPoints: result.syncPoints });
    if (result.lost > 0)
      void vscode.window.showInformationMessage(
        `Verbatim: ${result.lost} sync point${result.lost === 1 ? '' : 's'} of ${path.posix.basename(uri.path)} no longer match the text (deleted) and were dropped.`,
      );
  }

  private onPlayerState(panel: RecordingPanel, state: PlayerState): void {
    const now = Date.now();
    if (state.paused || now - this.lastFollow < FOLLOW_INTERVAL_MS) return;
    this.lastFollow = now;
    void this.client.sendRequest(POSITION_AT_TIME_REQUEST, { textDocument: { uri: panel.transcript.toString() }, seconds: state.time }).then(
      (result) => {
        if (!result || this.panel !== panel) return;
        panel.post({
          type: 'speaker',
          text: result.turn ? `${result.turn.speaker} (line ${result.turn.range.start.line + 1}, ≈ ${result.estimate.clock} ± ${result.estimate.plusMinus} s)` : '–',
        });
        if (this.followAlong && result.turn) this.follow(panel.transcript, result.turn.range);
      },
      () => undefined,
    );
  }

  /** Reveals and highlights the turn being spoken; the cursor follows too (so do the Outline and breadcrumbs) unless the writer is typing, and the Speakers view selects it. */
  private follow(uri: vscode.Uri, range: Range): void {
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri.toString());
    if (!editor) return;
    const turn = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    editor.setDecorations(this.highlight, [turn]);
    editor.revealRange(turn, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (Date.now() - this.lastKeystroke > 3000 && !editor.selection.intersection(turn)) editor.selection = new vscode.Selection(turn.start, turn.start);
    void vscode.commands.executeCommand(FOLLOW_TURN_COMMAND, uri.toString(), turn.start.line);
  }

  private clearHighlight(): void {
    for (const editor of vscode.window.visibleTextEditors) editor.setDecorations(this.highlight, []);
  }

  /** Optional: typing in the transcript pauses the recording, which resumes after a short pause in typing. */
  private onTyping(event: vscode.TextDocumentChangeEvent): void {
    const panel = this.panel;
    if (!panel || event.contentChanges.length === 0 || event.document.uri.toString() !== panel.transcript.toString()) return;
    this.lastKeystroke = Date.now();
    if (!this.setting('pauseWhileTyping', false)) return;
    if (!panel.state.paused) {
      panel.post({ type: 'pause' });
      this.pausedByTyping = true;
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      if (this.pausedByTyping && this.panel === panel) this.togglePlay(panel);
      this.pausedByTyping = false;
    }, TYPING_PAUSE_MS);
  }

  private activeTranscript(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === this.languageId ? document : undefined;
  }

  private transcriptEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === this.languageId) return editor;
    void vscode.window.showInformationMessage('Verbatim: put the cursor in a caption transcript first.');
    return undefined;
  }

  private memory(): Record<string, Remembered> {
    return this.context.workspaceState.get<Record<string, Remembered>>(MEMORY_KEY, {});
  }

  private remember(transcript: vscode.Uri, entry: Remembered): Thenable<void> {
    return this.context.workspaceState.update(MEMORY_KEY, { ...this.memory(), [transcript.toString()]: entry });
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function sameName(transcript: vscode.Uri): Promise<vscode.Uri | undefined> {
  const stem = transcript.path.slice(0, transcript.path.length - path.posix.extname(transcript.path).length);
  for (const extension of MEDIA_EXTENSIONS) {
    const candidate = transcript.with({ path: `${stem}${extension}` });
    if (await exists(candidate)) return candidate;
  }
  return undefined;
}

async function pick(transcript: vscode.Uri): Promise<vscode.Uri | undefined> {
  const extensions = [...new Set([...MEDIA_EXTENSIONS, ...VIDEO_EXTENSIONS])].map((extension) => extension.slice(1));
  const chosen = await vscode.window.showOpenDialog({
    title: `Recording of ${path.posix.basename(transcript.path)}`,
    defaultUri: vscode.Uri.joinPath(transcript, '..'),
    canSelectMany: false,
    filters: { 'Audio and video': extensions, 'All files': ['*'] },
  });
  return chosen?.[0];
}

function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(Math.floor(whole / 3600))}:${two(Math.floor((whole % 3600) / 60))}:${two(whole % 60)}`;
}
