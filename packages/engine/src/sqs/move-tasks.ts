import type { Cancellable } from '../core/clock.js';
import type { CloudContext } from '../core/context.js';
import type { Random } from '../core/random.js';
import { AwsError, invalidParameter, missingParameter } from '../errors.js';
import type { QueueCore } from './queue-core.js';
import type { MessageMoveTaskResult, StartMessageMoveTaskRequest } from './types.js';

/**
 * Modelling choice: AWS moves at a "system-optimized" rate when MaxNumberOfMessagesPerSecond is not
 * given and documents no figure; the engine then moves this many messages per virtual second.
 */
export const DEFAULT_MOVE_RATE = 500;

interface Task {
    readonly handle: string;
    readonly source: QueueCore;
    readonly destinationArn: string | undefined;
    readonly rate: number | undefined;
    readonly startedAt: number;
    readonly toMove: number;
    moved: number;
    status: MessageMoveTaskResult['Status'];
    failureReason: string | undefined;
    timer: Cancellable | undefined;
}

/**
 * StartMessageMoveTask / ListMessageMoveTasks / CancelMessageMoveTask (DOMAIN.md §1.9): redrive from a
 * dead-letter queue back to each message's source (or a given destination). Moved messages are new
 * messages: new MessageId, enqueue time and retention; one active task per source queue.
 */
export class MessageMoveTasks {
    private readonly tasks: Task[] = [];

    constructor(
        private readonly ctx: CloudContext,
        private readonly ids: Random,
        private readonly queueByArn: (arn: string) => QueueCore | undefined,
        private readonly allQueues: () => Iterable<QueueCore>
    ) {}

    start(request: StartMessageMoveTaskRequest): string {
        if (typeof request?.SourceArn !== 'string') throw missingParameter('SourceArn');
        const source = this.queueByArn(request.SourceArn);
        if (source === undefined) throw new AwsError('ResourceNotFoundException', `The resource ${request.SourceArn} does not exist.`);
        let isDeadLetterQueue = false;
        for (const queue of this.allQueues()) if (queue.config.redrivePolicy?.deadLetterTargetArn === source.arn) isDeadLetterQueue = true;
        if (!isDeadLetterQueue) throw invalidParameter('Source queue must be configured as a Dead Letter Queue.');
        if (request.DestinationArn !== undefined) {
            const destination = this.queueByArn(request.DestinationArn);
            if (destination === undefined) throw new AwsError('ResourceNotFoundException', `The resource ${request.DestinationArn} does not exist.`);
            if (destination.fifo !== source.fifo) throw invalidParameter('The destination queue must be the same type as the source queue.');
        }
        const rate = request.MaxNumberOfMessagesPerSecond;
        if (rate !== undefined && (!Number.isInteger(rate) || rate < 1 || rate > 500)) {
            throw invalidParameter('MaxNumberOfMessagesPerSecond must be an integer from 1 to 500.');
        }
        if (source.moveTask !== undefined) {
            throw new AwsError('UnsupportedOperation', 'There is already a task running. Only one active task is allowed for each source queue arn at a given time.');
        }
        const task: Task = {
            handle: Buffer.from(JSON.stringify({ taskId: this.ids.uuid(), sourceArn: source.arn })).toString('base64'),
            source,
            destinationArn: request.DestinationArn,
            rate,
            startedAt: this.ctx.clock.now(),
            toMove: source.counts().visible,
            moved: 0,
            status: 'RUNNING',
            failureReason: undefined,
            timer: undefined
        };
        source.moveTask = task;
        this.tasks.push(task);
        task.timer = this.ctx.clock.scheduleInternal(this.ctx.clock.now(), () => this.step(task));
        return task.handle;
    }

    /** Moves one second's worth of messages, then reschedules itself until the backlog is gone. */
    private step(task: Task): void {
        if (task.status !== 'RUNNING') return;
        const budget = Math.min(task.rate ?? DEFAULT_MOVE_RATE, task.toMove - task.moved);
        const batch = budget > 0 ? task.source.takeVisibleForMove(budget) : [];
        for (const m of batch) {
            const destinationArn = task.destinationArn ?? m.deadLetterSourceArn;
            const destination = destinationArn === undefined ? undefined : this.queueByArn(destinationArn);
            if (destination === undefined) {
                // The message cannot go anywhere: put it back and stop, as AWS fails the task.
                task.source.acceptDeadLetter(m, m.deadLetterSourceArn ?? task.source.arn);
                this.finish(task, 'FAILED', `Destination ${destinationArn ?? '(unknown source queue)'} does not exist.`);
                return;
            }
            destination.acceptMoved(m);
            task.moved++;
        }
        if (batch.length === 0 || task.moved >= task.toMove) {
            this.finish(task, 'COMPLETED', undefined);
            return;
        }
        task.timer = this.ctx.clock.scheduleInternal(this.ctx.clock.now() + 1000, () => this.step(task));
    }

    private finish(task: Task, status: MessageMoveTaskResult['Status'], reason: string | undefined): void {
        task.status = status;
        task.failureReason = reason;
        task.timer?.cancel();
        if (task.source.moveTask === task) task.source.moveTask = undefined;
    }

    cancel(handle: string | undefined): number {
        const task = this.tasks.find(t => t.handle === handle);
        if (task === undefined || task.status !== 'RUNNING') {
            throw new AwsError('ResourceNotFoundException', 'The task handle does not refer to a running message move task.');
        }
        this.finish(task, 'CANCELLED', undefined);
        return task.moved;
    }

    cancelFor(queue: QueueCore): void {
        for (const task of this.tasks) if (task.source === queue && task.status === 'RUNNING') this.finish(task, 'CANCELLED', undefined);
    }

    list(sourceArn: string | undefined, maxResults = 1): MessageMoveTaskResult[] {
        if (typeof sourceArn !== 'string') throw missingParameter('SourceArn');
        if (this.queueByArn(sourceArn) === undefined) throw new AwsError('ResourceNotFoundException', `The resource ${sourceArn} does not exist.`);
        return this.tasks.filter(t => t.source.arn === sourceArn).reverse().slice(0, maxResults).map(t => {
            const result: MessageMoveTaskResult = {
                Status: t.status,
                SourceArn: t.source.arn,
                ApproximateNumberOfMessagesMoved: t.moved,
                ApproximateNumberOfMessagesToMove: t.toMove,
                StartedTimestamp: this.ctx.epochMs + t.startedAt
            };
            if (t.status === 'RUNNING') result.TaskHandle = t.handle;
            if (t.destinationArn !== undefined) result.DestinationArn = t.destinationArn;
            if (t.rate !== undefined) result.MaxNumberOfMessagesPerSecond = t.rate;
            if (t.failureReason !== undefined) result.FailureReason = t.failureReason;
            return result;
        });
    }
}
