import type { AstNode } from 'langium';
import { GrammarUtils } from 'langium';
import type { InlayHintAcceptor } from 'langium/lsp';
import { AbstractInlayHintProvider } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import type { Declaration } from '../generated/ast.js';
import { isCapacityProperty, isConsumer, isFirehose, isLambdaFunction, isQueue, isStream } from '../generated/ast.js';
import { defaultOf, streamWriteCapacity } from './effective-config.js';

/**
 * Shows, where the author wrote nothing, the defaults that matter most when reading an architecture
 * (a queue's visibility timeout and retention, a consumer's batch size, a firehose's buffer) and the
 * derived write capacity of a stream. Kept to a few hints per declaration so the text stays readable.
 */
const HINTED_DEFAULTS: ReadonlyArray<{ applies: (node: AstNode) => node is Declaration; keys: readonly string[] }> = [
    { applies: isQueue, keys: ['visibility', 'retention'] },
    { applies: isStream, keys: ['retention'] },
    { applies: isLambdaFunction, keys: ['duration'] },
    { applies: isFirehose, keys: ['buffer'] },
    { applies: isConsumer, keys: ['batch', 'instances'] }
];

export class MqInlayHintProvider extends AbstractInlayHintProvider {

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        for (const rule of HINTED_DEFAULTS) {
            if (!rule.applies(node)) continue;
            const parts = rule.keys.flatMap(key => {
                const value = defaultOf(node, key);
                return value === undefined ? [] : [`${key} ${value}`];
            });
            const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
            if (parts.length > 0 && nameNode) {
                acceptor({
                    position: nameNode.range.end,
                    label: `${parts.join(' · ')} (default)`,
                    kind: InlayHintKind.Parameter,
                    paddingLeft: true,
                    tooltip: 'AWS default for a property not written here'
                });
            }
        }
        if (isStream(node)) this.streamCapacityHint(node, acceptor);
    }

    /** After `capacity: provisioned 4 shards`, or after the name when no capacity is written: the write capacity. */
    protected streamCapacityHint(node: Parameters<typeof streamWriteCapacity>[0], acceptor: InlayHintAcceptor): void {
        const capacity = node.properties.find(isCapacityProperty);
        const anchor = capacity?.$cstNode ?? GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
        if (!anchor) return;
        acceptor({
            position: anchor.range.end,
            label: `${capacity ? '' : 'provisioned 1 shard: '}${streamWriteCapacity(node).label}${capacity?.mode === 'on-demand' ? ' at start' : ''}`,
            kind: InlayHintKind.Type,
            paddingLeft: true,
            tooltip: 'Write capacity: 1 MiB/s and 1,000 records/s per shard; on-demand streams start at 4 MB/s and 4,000 records/s'
        });
    }
}
