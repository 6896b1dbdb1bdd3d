import type { AstNodeDescription, Scope, Stream } from 'langium';
import { stream } from 'langium';
import type { MqIndexManager } from './mq-index-manager.js';

/** A live view of the workspace symbols of one type, answered from the index's by-name view. */
export class NameIndexScope implements Scope {

    constructor(protected readonly index: MqIndexManager, protected readonly type: string) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.index.findElement(name, this.type);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.index.findElements(name, this.type));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.index.allElements(this.type);
    }
}
