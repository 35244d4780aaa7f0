import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';
import { RESTART_WINDOW_MS, RestartPolicy } from './restartPolicy';

/** Restarts a crashed server a bounded number of times and tells the user each time. */
export function boundedRestarts(outputChannelName: string): ErrorHandler {
  const policy = new RestartPolicy();
  return {
    // Reading or writing one message failed: keep going for a few, then stop the connection.
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const decision = policy.onCrash(Date.now());
      if (decision.restart) {
        void vscode.window.showWarningMessage(
          `The Verbatim language server stopped unexpectedly and is restarting (restart ${decision.attempt}). Details are in the "${outputChannelName}" output.`,
        );
        return { action: CloseAction.Restart, handled: true };
      }
      return {
        action: CloseAction.DoNotRestart,
        message: `The Verbatim language server crashed ${decision.crashes} times in ${RESTART_WINDOW_MS / 60000} minutes and was not restarted. See the "${outputChannelName}" output; reload the window to start it again.`,
      };
    },
  };
}
