import { shallowStackTraces } from "./shallowStackTraces";

/**
 * Pulumi's Node SDK writes every RegisterResource response to its debug log ("RegisterResource RPC finished: …
 * resp: …"), secret outputs included in plain text, and the engine shows debug messages from `-v=3` on. A client
 * secret returned by DocuWare would therefore reach verbose logs. This guard keeps the SDK's message but drops the
 * raw response from it whenever the response holds a secret. Installed once per process by the resources that
 * handle secrets.
 */
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270"; // the value of Pulumi's secret marker

interface PulumiLog {
    debug: (message: string, ...rest: unknown[]) => Promise<void> | void;
}

export function guardSdkDebugLog(): void {
    const marker = globalThis as { __docuwarePingOneLogGuard?: boolean };
    if (marker.__docuwarePingOneLogGuard) {
        return;
    }
    marker.__docuwarePingOneLogGuard = true;
    const log = require("@pulumi/pulumi/log") as PulumiLog;
    const debug = log.debug;
    log.debug = (message: string, ...rest: unknown[]) => {
        const cut = typeof message === "string" && message.includes(SECRET_SIGNATURE) ? message.indexOf("resp: ") : -1;
        const safe = cut >= 0 ? `${message.slice(0, cut)}resp: [holds secrets; not logged]` : message;
        // Each message is an engine RPC whose keep-alive promise captures a (source-mapped) stack trace, used only
        // for leak reports: captured shallow, like the resources' own registration (`shallowStackTraces`).
        const restoreStackTraces = shallowStackTraces();
        try {
            return debug.call(log, safe, ...rest);
        } finally {
            restoreStackTraces();
        }
    };
}
