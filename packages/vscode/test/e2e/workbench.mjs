// Driving the VS Code workbench like a user: command palette, quick open, Problems panel, webview frames.
// Everything waits for a selector or a condition, never for a fixed time.

/** Polls `probe` until it returns a truthy value or the timeout passes. */
export async function waitFor(description, probe, { timeout = 30_000, interval = 200 } = {}) {
    const deadline = Date.now() + timeout;
    let lastError;
    while (Date.now() < deadline) {
        try {
            const value = await probe();
            if (value) return value;
        } catch (error) {
            lastError = error;
        }
        await new Promise((resolve) => setTimeout(resolve, interval));
    }
    throw new Error(`timed out after ${timeout} ms waiting for ${description}${lastError ? ` (last error: ${lastError.message})` : ''}`);
}

export async function waitForWorkbench(page) {
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    // The explorer is populated once the workspace folder is open.
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
}

async function quickInput(page) {
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    return input;
}

/** Runs a command by its palette title, e.g. `MQ: Open Architecture Preview`. */
export async function runCommand(page, title) {
    await page.keyboard.press('F1');
    const input = await quickInput(page);
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
}

/** Opens a workspace file from the Explorer (quick open depends on the file index warming up) and waits for its editor. */
export async function openFile(page, fileName) {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first().click();
    await activeTab(page, fileName).waitFor({ timeout: 30_000 });
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
}

/** The active tab of the active editor group, if it shows `fileName`. */
export function activeTab(page, fileName) {
    return page.locator(`.editor-group-container.active .tab.active[data-resource-name="${fileName}"]`);
}

/** Picks an item in an open quick pick by its label. */
export async function pickQuickItem(page, label) {
    const input = await quickInput(page);
    await input.fill(label);
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
}

export async function showProblems(page) {
    await runCommand(page, 'View: Focus Problems');
    await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
}

export function problemRows(page, text) {
    return page.locator('.markers-panel .monaco-list-row', { hasText: text });
}

/** `{ line, column }` of the cursor in the active editor, read from the status bar (1-based). */
export async function cursorPosition(page) {
    const text = await page.locator('[id="status.editor.selection"]').innerText({ timeout: 5000 });
    const match = /Ln (\d+), Col (\d+)/.exec(text);
    return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

/** The text of the active editor's visible lines. */
export async function activeEditorText(page) {
    // Monaco renders spaces as U+00A0.
    return (await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

/** The webview frame (nested iframes inside the workbench) in which `selector` matches, once it does. */
export async function webviewFrame(page, selector, { timeout = 60_000 } = {}) {
    return waitFor(`a webview containing ${selector}`, async () => {
        for (const frame of page.frames()) {
            if (frame === page.mainFrame()) continue;
            const handle = await frame.$(selector).catch(() => null);
            if (handle) return frame;
        }
        return undefined;
    }, { timeout, interval: 300 });
}
