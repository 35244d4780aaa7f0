// The Speakers view in the explorer and the status-bar item: render the server's statistics
// (`speakerNodes`, `statusBarText`); a turn click reveals it in the editor.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  FOLLOW_TURN_COMMAND,
  REFRESH_SPEAKERS_COMMAND,
  REVEAL_TURN_COMMAND,
  SPEAKERS_VIEW_ID,
  speakerNodes,
  TRANSCRIPT_ACTIVE_CONTEXT,
  turnNodes,
  type SpeakerNode,
  type StatisticsResult,
  type TurnNode,
} from './speakersModel';
import { SpeakerTurnsRequest, StatisticsRequest } from '../../server/src/protocol';
import { createStatusBarItem, showStatistics } from './statusBar';

type Node = SpeakerNode | TurnNode;

export class SpeakersView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: SpeakerNode[] = [];
  /** Every speaker's turns of the shown nodes, asked for once follow-along needed one not loaded. */
  private allTurns: Promise<void> | undefined;

  /** `turnsOf` asks the server for a speaker's turns when the view expands it. */
  constructor(private readonly turnsOf: (speaker: SpeakerNode) => Promise<TurnNode[]>) {}

  show(result: StatisticsResult | null): void {
    this.nodes = result ? speakerNodes(result) : [];
    this.allTurns = undefined;
    this.changed.fire();
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'turn' ? this.nodes.find((speaker) => speaker.turns.includes(node)) : undefined;
  }

  /**
   * The turn node of a document's turn that starts on `line`, if the view shows that document and has
   * its speaker's turns. The statistics come without turn lists: the first miss asks for every
   * speaker's turns (once per shown version), so that the next follow-along tick finds the turn.
   */
  turnAt(uri: string, line: number): TurnNode | undefined {
    for (const speaker of this.nodes) for (const turn of speaker.turns) if (turn.uri === uri && turn.range.start.line === line) return turn;
    const shown = this.nodes;
    // A failed request (the server restarting) is tried again on the next tick, never left unhandled.
    this.allTurns ??= Promise.all(shown.filter((speaker) => speaker.turns.length === 0).map(async (speaker) => (speaker.turns = await this.turnsOf(speaker)))).then(
      () => undefined,
      () => {
        this.allTurns = undefined;
      },
    );
    return undefined;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.nodes;
    if (node.kind !== 'speaker') return [];
    // Kept on the node so that getParent and turnAt (follow-along) find the loaded turns.
    if (node.turns.length === 0) node.turns = await this.turnsOf(node);
    return node.turns;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'speaker') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = node.description;
      item.tooltip = node.tooltip;
      item.iconPath = new vscode.ThemeIcon('person');
      item.contextValue = 'verbatimSpeaker';
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    item.contextValue = 'verbatimTurn';
    item.command = { command: REVEAL_TURN_COMMAND, title: 'Go to Turn', arguments: [node.uri, node.range] };
    return item;
  }
}

/** Opens the document and selects the turn's label. */
export async function revealTurn(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preserveFocus: false });
  editor.selection = new vscode.Selection(selection.start, selection.end);
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** How long the view waits after the last analysed edit before it asks again: a burst of typing asks once. */
const REFRESH_DELAY_MS = 300;

/**
 * Registers the Speakers view, the status-bar item and their commands, and keeps both showing the
 * active transcript's statistics: refreshed when the editor changes, and after edits once the
 * server has published diagnostics for a version the view does not show yet (not on every publish).
 * The statistics come without turn lists; a speaker's turns are asked for when it is expanded.
 */
export function activateSpeakers(context: vscode.ExtensionContext, client: LanguageClient, languageId: string): void {
  const log = (what: string, error: unknown) => client.outputChannel.appendLine(`Speakers: ${what} failed: ${String(error)}`);
  const view = new SpeakersView(async (speaker) => {
    try {
      const result = await client.sendRequest(SpeakerTurnsRequest, { textDocument: { uri: speaker.uri }, speaker: speaker.label });
      return result ? turnNodes(result.uri, result.turns) : [];
    } catch (error) {
      log(`the turns of ${speaker.label}`, error);
      return [];
    }
  });
  const statusBar = createStatusBarItem();
  let latest = 0;
  let shown: { uri: string; version: number } | null = null;
  let pending: NodeJS.Timeout | undefined;
  const refresh = async () => {
    clearTimeout(pending);
    const document = vscode.window.activeTextEditor?.document;
    const isTranscript = document?.languageId === languageId;
    await vscode.commands.executeCommand('setContext', TRANSCRIPT_ACTIVE_CONTEXT, isTranscript);
    const request = ++latest;
    let result: StatisticsResult | null = null;
    if (isTranscript) {
      try {
        result = await client.sendRequest(StatisticsRequest, { textDocument: { uri: document.uri.toString() }, includeTurns: false });
      } catch (error) {
        log('statistics', error);
      }
    }
    // A slower, older answer must not overwrite a newer one.
    if (request !== latest) return;
    shown = result && { uri: result.uri, version: result.version };
    view.show(result);
    showStatistics(statusBar, result);
  };
  const refreshSafely = () => refresh().catch((error: unknown) => log('refresh', error));
  const tree = vscode.window.createTreeView(SPEAKERS_VIEW_ID, { treeDataProvider: view, showCollapseAll: true });
  context.subscriptions.push(
    statusBar,
    tree,
    // Follow-along (recording.ts): select the turn being said, only while the view is open.
    vscode.commands.registerCommand(FOLLOW_TURN_COMMAND, (uri: string, line: number) => {
      if (!tree.visible) return;
      const turn = view.turnAt(uri, line);
      if (turn) tree.reveal(turn, { select: true, focus: false, expand: true }).then(undefined, (error: unknown) => log('following the recording', error));
    }),
    vscode.commands.registerCommand(REVEAL_TURN_COMMAND, revealTurn),
    vscode.commands.registerCommand(REFRESH_SPEAKERS_COMMAND, refresh),
    vscode.window.onDidChangeActiveTextEditor(() => refreshSafely()),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document;
      if (!active || !event.uris.some((uri) => uri.toString() === active.uri.toString())) return;
      if (shown?.uri === active.uri.toString() && shown.version === active.version) return;
      clearTimeout(pending);
      pending = setTimeout(refreshSafely, REFRESH_DELAY_MS);
    }),
    { dispose: () => clearTimeout(pending) },
  );
  refreshSafely();
}
