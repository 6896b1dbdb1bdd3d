import { DocumentState } from 'langium';
import { describe, expect, test } from 'vitest';
import { services, validateWorkspace, withCode } from './helpers.js';

describe('cross-file diagnostics stay fresh when another file changes', () => {
    test('deleting the only producer re-validates the queue file, which now gets MQ071', async () => {
        const result = await validateWorkspace('queue q { }\nconsumer c { poll: q }', 'producer p { publish: q }');
        expect(withCode(result, 'MQ071')).toEqual([]);
        const producerFile = services.shared.workspace.LangiumDocuments.all.find(doc => doc !== result.document)!;

        await services.shared.workspace.DocumentBuilder.update([], [producerFile.uri]);

        expect(result.document.state).toBe(DocumentState.Validated);
        expect(withCode({ ...result, diagnostics: result.document.diagnostics ?? [] }, 'MQ071').map(d => d.message))
            .toEqual(["queue 'q' looks unused: no producer or topic subscription sends to it (in any file of the workspace)"]);
    });
});
