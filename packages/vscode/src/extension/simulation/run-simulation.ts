import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ScenariosRequest, SimulateRequest, SimulationProgressNotification } from '../../protocol/lsp.js';
import type { ScenarioInfo, SimulateResult } from '../../protocol/lsp.js';
import { defaultSeed } from '../settings.js';
import { createNonce } from '../webview-html.js';
import { ReportPanel } from './report-panel.js';
import { ArchitecturePreview } from '../preview/preview-panel.js';

/** Arguments passed by the `▶ Simulate` code lens (and usable from keybindings and tests). */
export interface RunSimulationArgs {
    uri?: string;
    scenario?: string;
}

export interface SimulationHost {
    context: vscode.ExtensionContext;
    output: vscode.OutputChannel;
    client(): LanguageClient | undefined;
}

/**
 * MQ: Run Simulation. The engine runs in the language server's simulation worker, never in the extension host;
 * this command only picks the scenario, relays progress, forwards cancellation and shows the report.
 */
export async function runSimulation(host: SimulationHost, args: RunSimulationArgs = {}): Promise<SimulateResult | undefined> {
    const client = host.client();
    if (!client) {
        void vscode.window.showErrorMessage('The MQ language server is not running.');
        return undefined;
    }
    const scenarios = await client.sendRequest(ScenariosRequest.type, {});
    const scenario = await pickScenario(scenarios, args);
    if (!scenario) return undefined;

    const report = ReportPanel.showRunning(host.context, scenario.name);
    const runId = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const nonce = createNonce();
    const seed = defaultSeed(vscode.Uri.parse(scenario.uri));
    const result = await vscode.window.withProgress({
        location: vscode.ProgressLocation.Notification,
        title: `Simulating ${scenario.name}`,
        cancellable: true
    }, async (progress, token) => {
        let reported = 0;
        const listener = client.onNotification(SimulationProgressNotification.type, (update) => {
            if (update.runId !== runId) return;
            const percent = Math.round(update.fraction * 100);
            if (percent > reported) {
                progress.report({ increment: percent - reported, message: update.message ?? `${percent}%` });
                reported = percent;
            }
        });
        try {
            return await client.sendRequest(SimulateRequest.type,
                { uri: scenario.uri, scenario: scenario.name, seed, runId, nonce, cspSource: report.cspSource, chartJsUri: report.chartJsUri }, token);
        } catch (error) {
            const cancelled = token.isCancellationRequested;
            return { ok: false, cancelled, error: cancelled ? 'cancelled' : String(error instanceof Error ? error.message : error) } satisfies SimulateResult;
        } finally {
            listener.dispose();
        }
    });

    if (result.ok) {
        report.showReport(scenario.name, result.html);
        ArchitecturePreview.active?.showReplay(result.replay);
        const failed = result.verdicts.filter((verdict) => !verdict.passed).length;
        host.output.appendLine(`[simulation] ${scenario.name}: ${result.verdicts.length - failed} passed, ${failed} failed (${result.elapsedMs} ms)`);
    } else if (result.cancelled) {
        report.showMessage(scenario.name, `Simulation of ${scenario.name} cancelled.`);
    } else {
        report.showMessage(scenario.name, `Simulation of ${scenario.name} failed: ${result.error}`);
        void vscode.window.showErrorMessage(`Simulation of ${scenario.name} failed: ${result.error}`);
    }
    return result;
}

async function pickScenario(scenarios: ScenarioInfo[], args: RunSimulationArgs): Promise<ScenarioInfo | undefined> {
    if (args.scenario) {
        const named = scenarios.filter((candidate) => candidate.name === args.scenario);
        const match = named.find((candidate) => candidate.uri === args.uri) ?? named[0];
        if (!match) void vscode.window.showErrorMessage(`No scenario named ${args.scenario} in the workspace.`);
        return match;
    }
    if (scenarios.length === 0) {
        void vscode.window.showInformationMessage('No scenario is declared in the workspace. Add a `scenario NAME { … }` block.');
        return undefined;
    }
    if (scenarios.length === 1) return scenarios[0];
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const items = scenarios
        .map((scenario) => ({
            label: scenario.name,
            description: vscode.workspace.asRelativePath(vscode.Uri.parse(scenario.uri)),
            detail: `${Math.round(scenario.durationMs / 60_000 * 10) / 10} min of virtual time`,
            scenario
        }))
        .sort((a, b) => Number(b.scenario.uri === active) - Number(a.scenario.uri === active));
    return (await vscode.window.showQuickPick(items, { title: 'Run Simulation', placeHolder: 'Scenario to simulate' }))?.scenario;
}
