/** How a file's bytes become text for analysis, or why they cannot. */
export type DecodedFile = { ok: true; text: string } | { ok: false; reason: string };

const BINARY_SAMPLE = 8192;

/**
 * Decodes a transcript file: UTF-8 with an optional byte-order mark, which is dropped as editors
 * do so that positions match the editor's. A NUL byte in the opening marks a binary file.
 */
export function decodeTranscriptFile(bytes: Uint8Array): DecodedFile {
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  if (sample.includes(0)) return { ok: false, reason: 'binary file (it contains NUL bytes), not a transcript' };
  const text = new TextDecoder('utf-8').decode(bytes);
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
