import { type Emulators, type EmulatorsOptions, startEmulators } from "../../emulators";
import { setStackConfig } from "../../sdk/config/stackConfig";

export interface RunningEmulators extends Emulators {
    /** Sets the provider environment variables for in-process provider calls; undone by `stop`. */
    useProviderEnvironment(index?: number): void;
    stop(): Promise<void>;
}

/**
 * Starts both emulators for a suite. Provider tests call the providers in-process, which read credentials from
 * environment variables exactly as in the dynamic-provider process.
 */
export async function startTestEmulators(options: EmulatorsOptions = {}): Promise<RunningEmulators> {
    const emulators = await startEmulators(options);
    const saved = new Map<string, string | undefined>();
    const useProviderEnvironment = (index = 0) => {
        setStackConfig(undefined);
        for (const [name, value] of Object.entries(emulators.providerEnvironment(index))) {
            if (!saved.has(name)) {
                saved.set(name, process.env[name]);
            }
            process.env[name] = value;
        }
    };
    return Object.assign(emulators, {
        useProviderEnvironment,
        async stop() {
            for (const [name, value] of saved) {
                if (value === undefined) {
                    delete process.env[name];
                } else {
                    process.env[name] = value;
                }
            }
            await emulators.close();
        },
    });
}
