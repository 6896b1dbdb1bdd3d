/** An IP address as an unsigned integer of 32 (IPv4) or 128 (IPv6) bits. */
export interface IpAddress {
    bits: 32 | 128;
    value: bigint;
}

export interface CidrBlock {
    bits: 32 | 128;
    prefixLength: number;
    /** The network address with the host bits cleared. */
    network: bigint;
}

const DECIMAL_OCTET = /^(0|[1-9][0-9]{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

export function parseIpv4(text: string): IpAddress | undefined {
    const parts = text.split('.');
    if (parts.length !== 4) {
        return undefined;
    }
    let value = 0n;
    for (const part of parts) {
        if (!DECIMAL_OCTET.test(part)) {
            return undefined;
        }
        const octet = Number(part);
        if (octet > 255) {
            return undefined;
        }
        value = (value << 8n) | BigInt(octet);
    }
    return { bits: 32, value };
}

function parseHexGroups(text: string): bigint[] | undefined {
    if (text === '') {
        return [];
    }
    const groups: bigint[] = [];
    const parts = text.split(':');
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i]!;
        // An IPv4 tail (::ffff:10.0.0.1) fills the last two groups.
        if (i === parts.length - 1 && part.includes('.')) {
            const v4 = parseIpv4(part);
            if (!v4) {
                return undefined;
            }
            groups.push(v4.value >> 16n, v4.value & 0xffffn);
            continue;
        }
        if (!HEX_GROUP.test(part)) {
            return undefined;
        }
        groups.push(BigInt(parseInt(part, 16)));
    }
    return groups;
}

export function parseIpv6(text: string): IpAddress | undefined {
    const doubleColon = text.indexOf('::');
    let groups: bigint[] | undefined;
    if (doubleColon >= 0) {
        if (text.indexOf('::', doubleColon + 1) >= 0) {
            return undefined;
        }
        const head = parseHexGroups(text.slice(0, doubleColon));
        const tail = parseHexGroups(text.slice(doubleColon + 2));
        if (!head || !tail || head.length + tail.length > 7) {
            return undefined;
        }
        groups = [...head, ...new Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
    } else {
        groups = parseHexGroups(text);
        if (!groups || groups.length !== 8) {
            return undefined;
        }
    }
    let value = 0n;
    for (const group of groups) {
        value = (value << 16n) | group;
    }
    return { bits: 128, value };
}

export function parseIp(text: string): IpAddress | undefined {
    return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** Parses `address/prefix`; returns a message modelled on AWS's when the text is not a CIDR block. */
export function parseCidr(text: string): CidrBlock | string {
    const slash = text.indexOf('/');
    if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
        return `Malformed CIDR, one '/' required: ${text}`;
    }
    const address = parseIp(text.slice(0, slash));
    if (!address) {
        return `Nonstandard IP address: ${text.slice(0, slash)}`;
    }
    const prefixText = text.slice(slash + 1);
    if (!/^[0-9]{1,3}$/.test(prefixText) || Number(prefixText) > address.bits) {
        return `Malformed CIDR, mask bits must be between 0 and ${address.bits}: ${text}`;
    }
    const prefixLength = Number(prefixText);
    const hostBits = BigInt(address.bits - prefixLength);
    return { bits: address.bits, prefixLength, network: (address.value >> hostBits) << hostBits };
}

export function cidrContains(block: CidrBlock, address: IpAddress): boolean {
    if (block.bits !== address.bits) {
        return false;
    }
    const hostBits = BigInt(block.bits - block.prefixLength);
    return (address.value >> hostBits) << hostBits === block.network;
}
