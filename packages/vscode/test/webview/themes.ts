/** A few of the CSS variables VS Code defines for its built-in themes, enough to tell the themes apart. */
export const THEMES = {
    light: {
        bodyClass: 'vscode-light',
        vars: {
            '--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#3b3b3b', '--vscode-foreground': '#3b3b3b',
            '--vscode-descriptionForeground': '#717171', '--vscode-focusBorder': '#005fb8', '--vscode-panel-border': '#e5e5e5',
            '--vscode-errorForeground': '#f85149', '--vscode-editorWarning-foreground': '#bf8803', '--vscode-editorError-foreground': '#e51400',
            '--vscode-editorWidget-background': '#f8f8f8', '--vscode-editorWidget-border': '#c8c8c8',
            '--vscode-button-secondaryBackground': '#e5e5e5', '--vscode-button-secondaryForeground': '#3b3b3b'
        }
    },
    dark: {
        bodyClass: 'vscode-dark',
        vars: {
            '--vscode-editor-background': '#1e1e1e', '--vscode-editor-foreground': '#cccccc', '--vscode-foreground': '#cccccc',
            '--vscode-descriptionForeground': '#9d9d9d', '--vscode-focusBorder': '#0078d4', '--vscode-panel-border': '#2b2b2b',
            '--vscode-errorForeground': '#f85149', '--vscode-editorWarning-foreground': '#cca700', '--vscode-editorError-foreground': '#f14c4c',
            '--vscode-editorWidget-background': '#202020', '--vscode-editorWidget-border': '#454545',
            '--vscode-button-secondaryBackground': '#313131', '--vscode-button-secondaryForeground': '#cccccc'
        }
    },
    'high-contrast': {
        bodyClass: 'vscode-high-contrast',
        vars: {
            '--vscode-editor-background': '#000000', '--vscode-editor-foreground': '#ffffff', '--vscode-foreground': '#ffffff',
            '--vscode-descriptionForeground': '#ffffff', '--vscode-focusBorder': '#f38518', '--vscode-panel-border': '#6fc3df',
            '--vscode-contrastBorder': '#6fc3df', '--vscode-contrastActiveBorder': '#f38518', '--vscode-errorForeground': '#f48771',
            '--vscode-editorWidget-background': '#0c141f', '--vscode-editorWidget-border': '#6fc3df',
            '--vscode-button-secondaryBackground': '#000000', '--vscode-button-secondaryForeground': '#ffffff', '--vscode-button-border': '#6fc3df'
        }
    }
} as const;
