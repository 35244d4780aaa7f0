// The letter classes spelled out as ranges match what `\p{...}` matches below U+10000.
import { strict as assert } from 'assert';
import { bmpClass } from '../../server/src/core/bmpClasses';

describe('bmpClass', () => {
  for (const property of ['L', 'Lu', 'Ll', 'M'] as const) {
    it(`matches \\p{${property}} in the Basic Multilingual Plane`, () => {
      const spelled = new RegExp(`^[${bmpClass(property)}]$`, 'u');
      const reference = new RegExp(`^\\p{${property}}$`, 'u');
      const differ: string[] = [];
      for (let code = 0; code < 0x10000; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const character = String.fromCharCode(code);
        if (spelled.test(character) !== reference.test(character)) differ.push(code.toString(16));
      }
      assert.deepEqual(differ, []);
    });
  }
});
