/**
 * Synthetic MQ workspaces for the benchmark: units of ten declarations of every kind, wired the way real
 * architectures are (dead-letter queues, fan-out topics with filter policies, a firehose, producers and
 * consumers), with one reference per unit into the previous file so that files depend on each other.
 */
export const DECLARATIONS_PER_UNIT = 10;

/** `file` and `unit` index of the unit; `previous` is the prefix of the same unit in the previous file, if any. */
function unit(prefix: string, previous: string | undefined): string {
    const readFrom = previous ? `${previous}-clicks` : `${prefix}-clicks`;
    return `// unit ${prefix}
queue ${prefix}-dlq {
  retention: 14d
}
queue ${prefix} {
  visibility: 60s
  wait: 20s
  dead-letter: ${prefix}-dlq after 5 receives
}
topic ${prefix}-events {
  subscribe ${prefix} raw
  subscribe ${prefix}-archive filter attributes {
    "eventType": ["order_placed", "order_updated"],
    "amount": [{"numeric": [">", 100]}]
  }
  subscribe function ${prefix}-notify
}
stream ${prefix}-clicks {
  capacity: provisioned 2 shards
  retention: 24h
}
function ${prefix}-notify {
  duration: 20ms..50ms
}
firehose ${prefix}-archive {
  source: direct
  buffer: 5MiB or 60s
  destination: s3 "s3://archive/${prefix}/"
}
producer ${prefix}-checkout {
  publish: ${prefix}-events
  rate: 50/s
  size: 2KiB
  message: { "eventType": one-of("order_placed", "order_updated"), "amount": uniform(5, 500) }
  attributes: [eventType, amount]
}
producer ${prefix}-web {
  publish: ${prefix}-clicks
  rate: 100/s
  size: 500B
  partition-key: session-id
  message: { "session-id": uuid() }
}
consumer ${prefix}-workers {
  poll: ${prefix}
  processing: 50ms..100ms
  instances: 1..4
}
consumer ${prefix}-readers {
  read: ${readFrom}
  processing: 1ms
}
`;
}

/** `declarations` split into files of `perFile` declarations; returns file name → text. */
export function generateWorkspace(declarations: number, perFile: number): Map<string, string> {
    const files = new Map<string, string>();
    const unitsPerFile = Math.max(1, Math.floor(perFile / DECLARATIONS_PER_UNIT));
    const fileCount = Math.ceil(declarations / (unitsPerFile * DECLARATIONS_PER_UNIT));
    for (let file = 0; file < fileCount; file++) {
        const parts: string[] = [];
        for (let index = 0; index < unitsPerFile; index++) {
            const previous = file > 0 ? `f${file - 1}u${index}` : undefined;
            parts.push(unit(`f${file}u${index}`, previous));
        }
        files.set(`file${String(file).padStart(3, '0')}.mq`, parts.join('\n'));
    }
    return files;
}
