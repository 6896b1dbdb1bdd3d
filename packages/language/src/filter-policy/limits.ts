/** SNS filter policy limits ([SNS-DG] subscription-filter-policy-constraints). */
export const FILTER_POLICY_MAX_KEYS = 5;
export const FILTER_POLICY_MAX_COMBINATIONS = 150;
export const FILTER_POLICY_MAX_BYTES = 256 * 1024;
export const NUMERIC_FILTER_LIMIT = 1_000_000_000;
export const NUMERIC_FILTER_DECIMALS = 5;

/** Number of digits after the decimal point in a JavaScript number, exponent form included. */
export function decimalPlaces(value: number): number {
    const text = String(value);
    const exponentAt = text.indexOf('e');
    if (exponentAt < 0) {
        const dot = text.indexOf('.');
        return dot < 0 ? 0 : text.length - dot - 1;
    }
    const mantissa = text.slice(0, exponentAt);
    const exponent = Number(text.slice(exponentAt + 1));
    const dot = mantissa.indexOf('.');
    const mantissaDecimals = dot < 0 ? 0 : mantissa.length - dot - 1;
    return Math.max(0, mantissaDecimals - exponent);
}
