import * as vscode from 'vscode';
import type { SourceRange } from '@mq-architect/language/model';

export function toVscodeRange(range: SourceRange): vscode.Range {
    return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function containsPosition(range: SourceRange, position: vscode.Position): boolean {
    return toVscodeRange(range).contains(position);
}
