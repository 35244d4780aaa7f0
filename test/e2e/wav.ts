// A small WAV writer for the recording tests: 16-bit mono PCM, a quiet tone whose pitch changes every
// second (so a seek is audible when someone listens to a run), written in one buffer.
import * as fs from 'fs';

export function writeWav(file: string, seconds: number, sampleRate = 8000): void {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const pitch = 220 + 20 * (Math.floor(i / sampleRate) % 10);
    data.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * pitch * i) / sampleRate)), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  fs.writeFileSync(file, Buffer.concat([header, data]));
}
