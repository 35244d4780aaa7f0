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
  type SpeakerNode,
  type StatisticsResult,
  type TurnNode,
} from './speakersModel';
import { createStatusBarItem, showStatistics } from './statusBar';

/** The server's custom request (server/src/features/statistics.ts). */
const STATISTICS_REQUEST = 'verbatim/statistics';

type Node = SpeakerNode | TurnNode;

export class SpeakersView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: SpeakerNode[] = [];

  show(result: StatisticsResult | null): void {
    this.nodes = result ? speakerNodes(result) : [];
    this.changed.fire();
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'turn' ? this.nodes.find((speaker) => speaker.turns.includes(node)) : undefined;
  }

  /** The turn node of a document's turn that starts on `line`, if the view shows that document. */
  turnAt(uri: string, line: number): TurnNode | undefined {
    for (const speaker of this.nodes) for (const turn of speaker.turns) if (turn.uri === uri && turn.range.start.line === line) return turn;
    return undefined;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.nodes;
    return node.kind === 'speaker' ? node.turns : [];
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

/**
 * Registers the Speakers view, the status-bar item and their commands, and keeps both showing the
 * active transcript's statistics: refreshed when the editor changes and whenever the server
 * publishes new diagnostics for it (after each analysed edit).
 */
export function activateSpeakers(context: vscode.ExtensionContext, client: LanguageClient, languageId: string): void {
  const view = new SpeakersView();
  const statusBar = createStatusBarItem();
  let latest = 0;
  const refresh = async () => {
    const document = vscode.window.activeTextEditor?.document;
    const isTranscript = document?.languageId === languageId;
    void vscode.commands.executeCommand('setContext', TRANSCRIPT_ACTIVE_CONTEXT, isTranscript);
    const request = ++latest;
    let result: StatisticsResult | null = null;
    if (isTranscript) {
      try {
        result = await client.sendRequest<StatisticsResult | null>(STATISTICS_REQUEST, { textDocument: { uri: document.uri.toString() } });
      } catch (error) {
        client.outputChannel.appendLine(`Speakers: statistics failed: ${String(error)}`);
      }
    }
    // A slower, older answer must not overwrite a newer one.
    if (request !== latest) return;
    view.show(result);
    showStatistics(statusBar, result);
  };
  const tree = vscode.window.createTreeView(SPEAKERS_VIEW_ID, { treeDataProvider: view, showCollapseAll: true });
  context.subscriptions.push(
    statusBar,
    tree,
    // Follow-along (recording.ts): select the turn being said, only while the view is open.
    vscode.commands.registerCommand(FOLLOW_TURN_COMMAND, (uri: string, line: number) => {
      const turn = view.turnAt(uri, line);
      if (turn && tree.visible) void tree.reveal(turn, { select: true, focus: false, expand: true });
    }),
    vscode.commands.registerCommand(REVEAL_TURN_COMMAND, revealTurn),
    vscode.commands.registerCommand(REFRESH_SPEAKERS_COMMAND, refresh),
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (event.uris.some((uri) => uri.toString() === active)) void refresh();
    }),
  );
  void refresh();
}
