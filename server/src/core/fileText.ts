import { BINARY_REASON, BINARY_SAMPLE_LENGTH, looksBinary } from './config/limits';

/** How a file's bytes become text for analysis, or why they cannot. */
export type DecodedFile = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Decodes a transcript file: UTF-8 with an optional byte-order mark, which is dropped as editors
 * do so that positions match the editor's. A NUL byte in the opening marks a binary file, as in the server.
 */
export function decodeTranscriptFile(bytes: Uint8Array): DecodedFile {
  const decoder = new TextDecoder('utf-8');
  // A NUL byte decodes to U+0000 and is never part of a longer sequence: the opening's text shows it.
  if (looksBinary(decoder.decode(bytes.subarray(0, BINARY_SAMPLE_LENGTH)))) return { ok: false, reason: BINARY_REASON };
  const text = decoder.decode(bytes);
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
