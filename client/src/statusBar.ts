// The status-bar item for the active transcript: turns, speakers, open problems (text from speakersModel).
import * as vscode from 'vscode';
import { SPEAKERS_VIEW_ID, statusBarText, statusBarTooltip, type StatisticsResult } from './speakersModel';

export function createStatusBarItem(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('verbatim.statistics', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Verbatim Statistics';
  // Every view gets a `<view id>.focus` command from VS Code.
  item.command = `${SPEAKERS_VIEW_ID}.focus`;
  return item;
}

export function showStatistics(item: vscode.StatusBarItem, result: StatisticsResult | null): void {
  if (!result) {
    item.hide();
    return;
  }
  item.text = statusBarText(result);
  item.tooltip = statusBarTooltip(result);
  item.show();
}
