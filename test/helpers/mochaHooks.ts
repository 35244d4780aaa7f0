// Root hooks for the unit run (.mocharc.json requires the compiled file).
import { corpusNotice } from './corpus';

export const mochaHooks = {
  afterAll(): void {
    const notice = corpusNotice();
    if (notice) console.log(`\n  ${notice}`);
  },
};
