import { EmptyFileSystem } from 'langium';
import { createMqServices } from '../../src/mq-module.js';

/** One in-memory language server per test file, as the editor would have one per workspace. */
export function createTestServices() {
    return createMqServices(EmptyFileSystem);
}
