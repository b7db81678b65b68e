import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files measured slowest, longest first. Vitest orders files by their last recorded durations, and with
 * none recorded (CI: `npm ci` starts from a fresh node_modules, where vitest keeps them) by size, largest
 * first: help-center, the longest browser file (317 s) but a short one, started ninth of eleven and set the
 * end of the stage. Starting these first lets the other files fill the second worker meanwhile.
 */
const slowest = [
  'test/e2e/help-center.test.ts',
  'test/e2e/cards-portal.test.ts',
  'test/e2e/recovery-account.test.ts',
  'test/e2e/support-console.test.ts',
  'test/reliability/seams.model.test.ts',
  'test/integration/recovery-flows.test.ts',
  'test/integration/members-login.test.ts',
  'test/reliability/crash-safety.test.ts',
  'test/integration/mail-delivery.test.ts',
  'test/integration/cards-pages.test.ts',
  'test/integration/cli.test.ts',
];

/** Vitest's own order, with the files of `slowest` moved to the front in that order. */
export class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = slowest.indexOf(relative(this.ctx.config.root, file.moduleId).replaceAll('\\', '/'));
      return index < 0 ? slowest.length : index;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
