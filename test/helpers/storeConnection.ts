// A stand-in for the connection the document store listens to: the test sends the editor's
// didOpen and didChange notifications itself.
import type { Connection, DidChangeTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver/node';
import type { AnalysedDocuments } from '../../server/src/documents';

export function listenedStore(documents: AnalysedDocuments): { open: (params: DidOpenTextDocumentParams) => void; change: (params: DidChangeTextDocumentParams) => void } {
  let onOpen: (params: DidOpenTextDocumentParams) => void = () => undefined;
  let onChange: (params: DidChangeTextDocumentParams) => void = () => undefined;
  const connection = {
    onDidOpenTextDocument: (handler: typeof onOpen) => (onOpen = handler),
    onDidChangeTextDocument: (handler: typeof onChange) => (onChange = handler),
    onDidCloseTextDocument: () => undefined,
  } as unknown as Connection;
  documents.listen(connection, { onOpen: () => undefined, onChange: () => undefined, onClose: () => undefined });
  return { open: (params) => onOpen(params), change: (params) => onChange(params) };
}
