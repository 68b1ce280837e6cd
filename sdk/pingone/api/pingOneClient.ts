import { z } from "zod";
import { type HttpSettings, httpSettings } from "../../config/httpSettings";
import { HttpClient, type RetryEvent } from "../../core/httpClient";
import { cachedPromise, processCache } from "../../core/processCache";
import { unlessNotFound } from "../../core/recovery";
import { ClientCredentialsTokenSource } from "../../core/tokenSource";
import {
    type DirectoryUser,
    DirectoryUserSchema,
    EnvironmentSchema,
    ErrorEnvelopeSchema,
    type Population,
    PopulationSchema,
    type SyncedRule,
    SyncedRuleSchema,
    type User,
    type UserCreate,
    UserCreateSchema,
    UserSchema,
    halCollection,
} from "./schemas";
import type { PingOneRegion } from "./regions";
import { type PingOneSettings, pingOneSettings } from "./settings";

/** Population ids by name, for this provider process (one Pulumi operation): rules on one population look it up once. */
const populationIds = processCache<string, Promise<string | undefined>>();

/**
 * Population names by id, for this provider process (one Pulumi operation): a refresh of many rules on one
 * population reads it once.
 */
const populationNames = processCache<string, Promise<string | undefined>>();

export function parsePingOneError(body: unknown) {
    const parsed = ErrorEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
        return typeof body === "string" && body ? { message: body.slice(0, 300) } : {};
    }
    return {
        code: parsed.data.code,
        message: parsed.data.message,
        details: parsed.data.details,
        requestId: parsed.data.id,
    };
}

/** Quotes a value for a PingOne (SCIM-style) filter. */
export function filterValue(value: string): string {
    return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const path = encodeURIComponent;

/** PingOne caps pages of users at 200 (reference §7, "Paging"). */
const USERS_PAGE_SIZE = 200;

/**
 * PingOne Platform API client for a worker application: environments, populations, users. Propagation (the
 * provisioning objects) is in `PropagationClient`.
 */
export class PingOneClient {
    readonly http: HttpClient;
    private readonly tokenSource: ClientCredentialsTokenSource;

    constructor(
        readonly settings: PingOneSettings,
        http: HttpSettings = { timeoutMs: 30_000, retry: {} },
        onRetry?: (event: RetryEvent) => void,
    ) {
        this.tokenSource = new ClientCredentialsTokenSource(
            {
                service: "PingOne",
                tokenUrl: `${settings.authUrl}/${path(settings.environmentId)}/as/token`,
                clientId: settings.clientId,
                clientSecret: settings.clientSecret,
                authStyle: settings.tokenEndpointAuthMethod ?? "auto",
            },
            http,
        );
        this.http = new HttpClient({
            service: "PingOne",
            baseUrl: settings.apiUrl,
            parseErrorEnvelope: parsePingOneError,
            // PingOne's Go SDK (client_ext.go) repeats any response whose body code is UNEXPECTED_ERROR.
            retryableErrorCodes: ["UNEXPECTED_ERROR"],
            tokenSource: this.tokenSource,
            onRetry,
            ...http,
        });
    }

    /** Signs in (or reuses the token): fails when the credentials, the worker's environment or the endpoints do not work. */
    async authenticate(): Promise<void> {
        await this.tokenSource.token();
    }

    /** A client from stack config or environment variables (see `PINGONE_SETTING_SOURCES`). */
    static fromConfig(region?: PingOneRegion): PingOneClient {
        return new PingOneClient(pingOneSettings(region), httpSettings());
    }

    /** Reads every page of a HAL collection, following `_links.next`; `onPage` hears the running count. */
    async listAll<T extends z.ZodType>(
        firstPath: string,
        key: string,
        item: T,
        query?: Record<string, string | number | undefined>,
        onPage?: (itemsSoFar: number) => void,
    ): Promise<z.infer<T>[]> {
        const schema = halCollection(key, item);
        const items: z.infer<T>[] = [];
        let next: string | undefined = firstPath;
        let params = query;
        while (next) {
            const page: z.infer<typeof schema> = await this.http.request({
                method: "GET",
                path: next,
                query: params,
                responseSchema: schema,
            });
            items.push(...((page._embedded[key] ?? []) as z.infer<T>[]));
            next = page._links?.next?.href;
            onPage?.(items.length);
            params = undefined; // the next link carries its own query
        }
        return items;
    }

    async getEnvironment(environmentId: string) {
        return this.http.request({
            method: "GET",
            path: `/environments/${path(environmentId)}`,
            responseSchema: EnvironmentSchema,
        });
    }

    async listPopulations(environmentId: string, filter?: string): Promise<Population[]> {
        return this.listAll(`/environments/${path(environmentId)}/populations`, "populations", PopulationSchema, {
            filter,
        });
    }

    async findPopulationByName(environmentId: string, name: string): Promise<Population | undefined> {
        const found = await this.listPopulations(environmentId, `name eq ${filterValue(name)}`);
        return found.find((p) => p.name === name);
    }

    /** The id of the population named `name`, looked up once per provider process (see `populationIds`). */
    populationIdByName(environmentId: string, name: string): Promise<string | undefined> {
        return cachedPromise(populationIds, `${this.settings.apiUrl}|${environmentId}|${name}`, () =>
            this.findPopulationByName(environmentId, name).then((p) => p?.id),
        );
    }

    /** The name of a population, or undefined when it does not exist; read once per provider process. */
    populationName(environmentId: string, populationId: string): Promise<string | undefined> {
        return cachedPromise(populationNames, `${this.settings.apiUrl}|${environmentId}|${populationId}`, () =>
            unlessNotFound(this.getPopulation(environmentId, populationId)).then((p) => p?.name),
        );
    }

    async getPopulation(environmentId: string, populationId: string): Promise<Population> {
        return this.http.request({
            method: "GET",
            path: `/environments/${path(environmentId)}/populations/${path(populationId)}`,
            responseSchema: PopulationSchema,
        });
    }

    async createUser(environmentId: string, user: UserCreate): Promise<User> {
        return this.http.request({
            method: "POST",
            path: `/environments/${path(environmentId)}/users`,
            body: user,
            bodySchema: UserCreateSchema,
            responseSchema: UserSchema,
        });
    }

    async getUser(environmentId: string, userId: string): Promise<User> {
        return this.http.request({
            method: "GET",
            path: `/environments/${path(environmentId)}/users/${path(userId)}`,
            responseSchema: UserSchema,
        });
    }

    async findUserByUsername(environmentId: string, username: string): Promise<User | undefined> {
        const users = await this.listAll(`/environments/${path(environmentId)}/users`, "users", UserSchema, {
            filter: `username eq ${filterValue(username)}`,
        });
        return users.find((u) => u.username === username);
    }

    /**
     * Every user matching a SCIM `filter` (all users without one), with every attribute PingOne returns, read in
     * pages of the largest size the users endpoint allows.
     */
    async listUsers(
        environmentId: string,
        filter?: string,
        onPage?: (usersSoFar: number) => void,
    ): Promise<DirectoryUser[]> {
        return this.listAll(
            `/environments/${path(environmentId)}/users`,
            "users",
            DirectoryUserSchema,
            { filter, limit: USERS_PAGE_SIZE },
            onPage,
        );
    }

    async setUserEnabled(environmentId: string, userId: string, enabled: boolean): Promise<void> {
        await this.http.request({
            method: "PUT",
            path: `/environments/${path(environmentId)}/users/${path(userId)}/enabled`,
            body: { enabled },
        });
    }

    async moveUserToPopulation(environmentId: string, userId: string, populationId: string): Promise<void> {
        await this.http.request({
            method: "PUT",
            path: `/environments/${path(environmentId)}/users/${path(userId)}/population`,
            body: { id: populationId },
        });
    }

    async deleteUser(environmentId: string, userId: string): Promise<void> {
        await this.http.request({
            method: "DELETE",
            path: `/environments/${path(environmentId)}/users/${path(userId)}`,
        });
    }

    async getSyncedRule(environmentId: string, userId: string, ruleId: string): Promise<SyncedRule> {
        return this.http.request({
            method: "GET",
            path: `/environments/${path(environmentId)}/users/${path(userId)}/syncedRules/${path(ruleId)}`,
            responseSchema: SyncedRuleSchema,
        });
    }
}
