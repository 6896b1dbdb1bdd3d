import type { AstNode, LangiumDocument, ValidationAcceptor, ValidationOptions } from 'langium';
import { Cancellation, DefaultDocumentValidator, interruptAndCheck, isAstNode } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver';
import type { RuleConfiguration } from '../rules/rule-configuration.js';
import { isRuleCode, ruleHref } from '../rules/rule-catalogue.js';
import { ReferenceDiagnostics } from './reference-diagnostics.js';
import type { WorkspaceFacts } from './workspace-facts.js';

export interface MqDocumentValidatorServices extends LangiumServices {
    validation: LangiumServices['validation'] & { RuleConfiguration: RuleConfiguration; WorkspaceFacts: WorkspaceFacts };
}

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/**
 * Langium's document validator with two MQ twists: linking errors carry MQ040/MQ080 and say what the name
 * really is, and every MQ diagnostic gets the severity the user configured (or disappears when `off`).
 */
export class MqDocumentValidator extends DefaultDocumentValidator {
    protected readonly rules: RuleConfiguration;
    protected readonly references: ReferenceDiagnostics;

    constructor(services: MqDocumentValidatorServices) {
        super(services);
        this.rules = services.validation.RuleConfiguration;
        this.references = new ReferenceDiagnostics(services.shared.AstReflection, services.validation.WorkspaceFacts);
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const overrideOf = await this.rules.overrides();
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = diagnostic.code;
            if (!isRuleCode(code)) {
                result.push(diagnostic);
                continue;
            }
            // Without an override a diagnostic keeps the severity its check reported (the catalogue's, or a
            // milder one for a case of the rule, see report()).
            const level = overrideOf(code);
            if (level === undefined) result.push(diagnostic);
            else if (level !== 'off') result.push({ ...diagnostic, severity: SEVERITY[level] });
        }
        return result;
    }

    /**
     * Langium's walk, without its per-node overhead: nodes are collected by a plain recursive walk in the order
     * of `AstUtils.streamAst`, the checks of a type are looked up once per document (most nodes have none), and
     * cancellation is polled every 64 nodes instead of at every node.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        const checksByType = new Map<string, Array<(node: AstNode, accept: ValidationAcceptor, token: Cancellation.CancellationToken) => unknown>>();
        const nodes: AstNode[] = [];
        collectNodes(rootNode, nodes);
        for (let i = 0; i < nodes.length; i++) {
            if ((i & 63) === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i]!;
            let checks = checksByType.get(node.$type);
            if (!checks) {
                checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                checksByType.set(node.$type, checks);
            }
            for (const check of checks) await check(node, acceptor, cancelToken);
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const problem = this.references.describe(error);
            diagnostics.push(this.toDiagnostic('error', problem.message, {
                node: error.info.container,
                range: reference.$refNode?.range,
                property: error.info.property,
                index: error.info.index,
                code: problem.code,
                codeDescription: { href: ruleHref(problem.code) },
                data: { code: problem.code, refText: reference.$refText, suggestion: problem.suggestion }
            }));
        }
    }
}

/** `node` and every node it contains, depth first, in the order `AstUtils.streamAst` yields them. */
function collectNodes(node: AstNode, into: AstNode[]): void {
    into.push(node);
    for (const key of Object.keys(node)) {
        if (key.startsWith('$')) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (const element of value) {
                if (isAstNode(element)) collectNodes(element, into);
            }
        } else if (isAstNode(value)) {
            collectNodes(value, into);
        }
    }
}
