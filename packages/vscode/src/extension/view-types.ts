/** Webview panel types; package.json declares `onWebviewPanel:<type>` for each so panels revive after a reload. */
export const PREVIEW_VIEW_TYPE = 'mq.architecturePreview';
export const REPORT_VIEW_TYPE = 'mq.simulationReport';

export const Commands = {
    openPreview: 'mq.openPreview',
    exportDiagram: 'mq.exportDiagram',
    runSimulation: 'mq.runSimulation',
    restartServer: 'mq.restartServer',
    showOutput: 'mq.showOutput'
} as const;
