import { createHash, hash } from 'node:crypto';

// Node 20.12+ hashes a string in one call, without a Hash object per digest.
const hasOneShotHash = typeof hash === 'function';

// Callers often hash the same text again and again (a body sent to several queues, a partition key
// written twice in a row); remembering the last digest avoids rehashing it.
let lastMd5Text: string | undefined;
let lastMd5 = '';

/** MD5 of the text's UTF-8 bytes, as lowercase hex. */
export function md5Hex(text: string): string {
    if (text === lastMd5Text) return lastMd5;
    const digest = hasOneShotHash ? hash('md5', text) : createHash('md5').update(text).digest('hex');
    lastMd5Text = text;
    lastMd5 = digest;
    return digest;
}

/** SHA-256 of the text's UTF-8 bytes, as lowercase hex. */
export function sha256Hex(text: string): string {
    return hasOneShotHash ? hash('sha256', text) : createHash('sha256').update(text).digest('hex');
}
