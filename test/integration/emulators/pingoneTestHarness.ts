import assert from "node:assert/strict";
import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import { type PingOneEmulator, type PingOneEmulatorOptions, startPingOneEmulator } from "../../../emulators/pingone";
import { GUIDE_MAPPINGS as GUIDE } from "../../../sdk/docuware/api/guideMappings";
import { consoleScimConnection } from "../../helpers/consoleScimConnection";

/** A started emulator plus an authenticated client on the first environment's API (`/v1/environments/{envId}`). */
export interface PingOneHarness {
    emulator: PingOneEmulator;
    envId: string;
    token: string;
    /** Never throws on HTTP status; assert with `expectStatus`. */
    api: AxiosInstance;
    /** The default population's id. */
    defaultPopulationId: string;
    directoryStoreId: string;
    close(): Promise<void>;
}

/** A plain HTTP client that never throws on status and never uses a proxy. */
export const http = axios.create({ validateStatus: () => true, proxy: false });

export function expectStatus<T>(response: AxiosResponse<T>, status: number): T {
    assert.equal(
        response.status,
        status,
        `${response.config.method?.toUpperCase()} ${response.config.url} answered ${response.status}: ` +
            JSON.stringify(response.data),
    );
    return response.data;
}

export async function fetchToken(emulator: PingOneEmulator, envId = emulator.environmentId): Promise<string> {
    const response = await http.post(
        `${emulator.authUrl}/${envId}/as/token`,
        new URLSearchParams({ grant_type: "client_credentials" }).toString(),
        {
            auth: { username: emulator.workerClientId, password: emulator.workerClientSecret },
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
        },
    );
    return expectStatus(response, 200).access_token as string;
}

export function apiClient(emulator: PingOneEmulator, envId: string, token: string): AxiosInstance {
    return axios.create({
        baseURL: `${emulator.apiUrl}/environments/${envId}`,
        headers: { Authorization: `Bearer ${token}` },
        validateStatus: () => true,
        proxy: false,
    });
}

export async function startHarness(options: PingOneEmulatorOptions = {}): Promise<PingOneHarness> {
    const emulator = await startPingOneEmulator(options);
    const envId = emulator.environmentId;
    const token = await fetchToken(emulator);
    const api = apiClient(emulator, envId, token);
    const populations = expectStatus(await api.get('/populations?filter=name eq "Default"'), 200);
    const stores = expectStatus(await api.get("/propagation/stores"), 200);
    return {
        emulator,
        envId,
        token,
        api,
        defaultPopulationId: populations._embedded.populations[0].id,
        directoryStoreId: stores._embedded.stores.find((s: { type: string }) => s.type === "directory").id,
        close: () => emulator.close(),
    };
}

/** A valid `scim` store body; override any part. */
export function scimStoreBody(configuration: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) {
    const target = {
        scimUrl: "http://127.0.0.1:9/scim/v2",
        tokenUrl: "http://127.0.0.1:9/token",
        clientId: "client",
        clientSecret: "secret",
    };
    return { ...consoleScimConnection("Target SCIM", target, configuration), ...fields };
}

export interface MappingBody {
    sourceAttribute?: string;
    expression?: string;
    targetAttribute: string;
}

/** The six mappings of the DocuWare guide (four required, two optional). */
export const GUIDE_MAPPINGS: MappingBody[] = GUIDE.map((m) => ({
    sourceAttribute: m.source,
    targetAttribute: m.target,
}));

/**
 * Plan, rule scoped to the default population, the given mappings, activation and a revision: the whole outbound
 * setup against an existing scim store. Returns the rule id.
 */
export async function configureOutboundRule(
    harness: PingOneHarness,
    targetStoreId: string,
    mappings: MappingBody[] = GUIDE_MAPPINGS,
): Promise<string> {
    const { api } = harness;
    const plans = expectStatus(await api.get("/propagation/plans"), 200)._embedded.plans;
    const planId = plans[0]?.id ?? expectStatus(await api.post("/propagation/plans", { name: "Default Plan" }), 201).id;
    const ruleBody = {
        name: "To target",
        sourceStore: { id: harness.directoryStoreId },
        targetStore: { id: targetStoreId },
        populationExpression: `population.id eq "${harness.defaultPopulationId}"`,
    };
    const rule = expectStatus(
        await api.post(`/propagation/plans/${planId}/rules`, { ...ruleBody, active: false }),
        201,
    );
    for (const mapping of mappings) {
        expectStatus(await api.post(`/propagation/rules/${rule.id}/mappings`, mapping), 201);
    }
    expectStatus(
        await api.put(`/propagation/rules/${rule.id}`, { ...ruleBody, plan: { id: planId }, active: true }),
        200,
    );
    expectStatus(await api.post("/propagation/revisions"), 201);
    return rule.id as string;
}
