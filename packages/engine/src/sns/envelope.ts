import { createHash } from 'node:crypto';
import { envelopeAttributes } from './attributes.js';
import type { SnsEnvelope, SnsLambdaEvent, SnsMessageAttributeMap } from './types.js';

/** What was published, as every subscription sees it before formatting. */
export interface PublishedMessage {
    messageId: string;
    topicArn: string;
    /** The message string (for MessageStructure=json, the per-protocol text is chosen at delivery). */
    message: string;
    /** Per-protocol messages when MessageStructure=json. */
    perProtocol?: Record<string, string>;
    subject?: string;
    attributes?: SnsMessageAttributeMap;
    /** Virtual ms of the publish. */
    publishedAt: number;
    fifo: boolean;
    sequenceNumber?: string;
    messageGroupId?: string;
    deduplicationId?: string;
    /** Not an AWS field: `publish(request, { tag })` passes it to SQS deliveries and delivery events. */
    tag?: unknown;
    /** The envelope JSON shared by the subscriptions of this publish (see envelopeJson). */
    envelopeText?: EnvelopeText;
}

export interface EnvelopeOptions {
    region: string;
    epochMs: number;
    subscriptionArn: string;
    signatureVersion: string;
}

export function messageFor(published: PublishedMessage, protocol: string): string {
    return published.perProtocol?.[protocol] ?? published.perProtocol?.['default'] ?? published.message;
}

function isoTimestamp(published: PublishedMessage, epochMs: number): string {
    return new Date(epochMs + published.publishedAt).toISOString();
}

/**
 * A stand-in signature: a digest of the canonical string AWS signs (SHA1 for version 1, SHA256 for 2),
 * base64-encoded. It is not an RSA signature; the engine only needs the field's shape.
 */
function signature(fields: SnsEnvelope, version: string): string {
    const canonical = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
        .filter(key => fields[key as keyof SnsEnvelope] !== undefined)
        .map(key => `${key}\n${String(fields[key as keyof SnsEnvelope])}\n`)
        .join('');
    return createHash(version === '2' ? 'sha256' : 'sha1').update(canonical).digest('base64');
}

/** [SNS-DG] sns-message-and-json-formats: the Notification envelope; FIFO topics add SequenceNumber and omit signature fields. */
export function buildEnvelope(published: PublishedMessage, protocol: string, options: EnvelopeOptions): SnsEnvelope {
    const envelope: SnsEnvelope = {
        Type: 'Notification',
        MessageId: published.messageId,
        ...(published.sequenceNumber !== undefined ? { SequenceNumber: published.sequenceNumber } : {}),
        TopicArn: published.topicArn,
        ...(published.subject !== undefined ? { Subject: published.subject } : {}),
        Message: messageFor(published, protocol),
        Timestamp: isoTimestamp(published, options.epochMs)
    };
    if (!published.fifo) {
        envelope.SignatureVersion = options.signatureVersion;
        envelope.Signature = signature(envelope, options.signatureVersion);
        envelope.SigningCertURL = signingCertUrl(options.region);
    }
    envelope.UnsubscribeURL = unsubscribeUrl(options);
    const attributes = envelopeAttributes(published.attributes);
    if (Object.keys(attributes).length > 0) {
        envelope.MessageAttributes = attributes;
    }
    return envelope;
}

function signingCertUrl(region: string): string {
    return `https://sns.${region}.amazonaws.com/SimpleNotificationService-mq-architect.pem`;
}

function unsubscribeUrl(options: EnvelopeOptions): string {
    return `https://sns.${options.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${options.subscriptionArn}`;
}

/** The parts of an envelope's JSON text that every subscription of one publish shares. */
export interface EnvelopeText {
    message: string;
    signatureVersion: string;
    head: string;
    tail: string;
}

/**
 * The envelope as JSON text, key order as AWS sends it. Only UnsubscribeURL differs between the subscriptions
 * of one publish, so the rest (and its signature digest) is built once per message: fan-out stays cheap.
 */
export function envelopeJson(published: PublishedMessage, protocol: string, options: EnvelopeOptions): string {
    const message = messageFor(published, protocol);
    let text = published.envelopeText;
    if (!text || text.message !== message || text.signatureVersion !== options.signatureVersion) {
        const { UnsubscribeURL: _unsubscribe, MessageAttributes: attributes, ...common } = buildEnvelope(published, protocol, options);
        const commonJson = JSON.stringify(common);
        text = {
            message,
            signatureVersion: options.signatureVersion,
            head: `${commonJson.slice(0, -1)},"UnsubscribeURL":"https://sns.${options.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=`,
            tail: `"${attributes ? `,"MessageAttributes":${JSON.stringify(attributes)}` : ''}}`
        };
        published.envelopeText = text;
    }
    return text.head + JSON.stringify(options.subscriptionArn).slice(1, -1) + text.tail;
}

/** The event a Lambda subscriber receives (one record). */
export function buildLambdaEvent(published: PublishedMessage, options: EnvelopeOptions): SnsLambdaEvent {
    const envelope = buildEnvelope({ ...published, fifo: false }, 'lambda', options);
    return {
        Records: [{
            EventSource: 'aws:sns',
            EventVersion: '1.0',
            EventSubscriptionArn: options.subscriptionArn,
            Sns: {
                Type: 'Notification',
                MessageId: envelope.MessageId,
                TopicArn: envelope.TopicArn,
                Subject: envelope.Subject ?? null,
                Message: envelope.Message,
                Timestamp: envelope.Timestamp,
                SignatureVersion: envelope.SignatureVersion ?? '1',
                Signature: envelope.Signature ?? '',
                SigningCertUrl: envelope.SigningCertURL ?? '',
                UnsubscribeUrl: envelope.UnsubscribeURL ?? '',
                MessageAttributes: envelope.MessageAttributes ?? {}
            }
        }]
    };
}

/** The subscription-confirmation message SNS sends to HTTP/S and email endpoints. */
export function buildConfirmationEnvelope(topicArn: string, token: string, messageId: string, atMs: number, options: EnvelopeOptions): SnsEnvelope {
    const envelope: SnsEnvelope = {
        Type: 'SubscriptionConfirmation',
        MessageId: messageId,
        Token: token,
        TopicArn: topicArn,
        Message: `You have chosen to subscribe to the topic ${topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
        SubscribeURL: `https://sns.${options.region}.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=${token}`,
        Timestamp: new Date(options.epochMs + atMs).toISOString(),
        SignatureVersion: options.signatureVersion
    };
    envelope.Signature = signature(envelope, options.signatureVersion);
    envelope.SigningCertURL = signingCertUrl(options.region);
    return envelope;
}
