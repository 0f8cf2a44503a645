import type { Logger } from '../log';

export const showOutput = (d: { log: Logger }) => (): void => d.log.show();
