import { PingOneClient } from "../../sdk/pingone/api/pingOneClient";
import { pingOneApis } from "../../sdk/pingone/api/environment";
import { populationExpression } from "../../sdk/pingone/resources/propagationRuleDefinition";
import type { PingOneRegion } from "../../sdk/pingone/api/regions";
import type { UserFilter } from "../../sdk/pingone/resources/propagationRuleInputs";
import type { DirectoryUser, Population } from "../../sdk/pingone/api/schemas";
import { parsePopulationExpression, pingOneCanFilterUsers } from "../../sdk/pingone/api/userFilterSupport";
import { userMatcher } from "../../sdk/pingone/api/userMatcher";
import type { Output } from "../output";
import type { Evaluation, SourceUser } from "./ruleImpact";

export interface ScopeUsers {
    users: SourceUser[];
    evaluation: Evaluation;
}

/** Progress is printed every this many users read. */
const PROGRESS_EVERY = 1000;

/**
 * Reads the PingOne directory, read-only: the users of a population expression, by PingOne's users filter where it
 * can evaluate the expression, else all users once per environment, matched here with scim2-parse-filter. Each
 * filter is read once, with paging, whatever the number of rules using it.
 */
export class DirectoryReader {
    private readonly clients = new Map<string, PingOneClient>();
    private readonly reads = new Map<string, Promise<SourceUser[]>>();
    private readonly populations = new Map<string, Promise<Population[]>>();

    constructor(private readonly output: Output) {}

    /** The expression a rule's `userFilter` becomes, as the provider computes it (a name resolved to its id). */
    async expressionFor(environmentId: string, region: string | undefined, filter: UserFilter): Promise<string> {
        return populationExpression(pingOneApis({ environmentId, region: region as PingOneRegion }), filter);
    }

    async usersMatching(environmentId: string, region: string | undefined, expression: string): Promise<ScopeUsers> {
        const filter = parsePopulationExpression(expression);
        if (pingOneCanFilterUsers(filter)) {
            return { users: await this.read(environmentId, region, expression), evaluation: "pingone-filter" };
        }
        const matches = userMatcher(filter);
        const users = (await this.read(environmentId, region, undefined)).filter((user) => matches(user));
        return { users, evaluation: "local-scim2-parse-filter" };
    }

    private read(environmentId: string, region: string | undefined, filter: string | undefined): Promise<SourceUser[]> {
        const key = `${region ?? ""}|${environmentId}|${filter ?? ""}`;
        let users = this.reads.get(key);
        if (!users) {
            users = this.readUsers(environmentId, region, filter);
            this.reads.set(key, users);
        }
        return users;
    }

    private async readUsers(
        environmentId: string,
        region: string | undefined,
        filter: string | undefined,
    ): Promise<SourceUser[]> {
        const label = filter === undefined ? "all users" : `users matching ${filter}`;
        this.output.progress(`reading ${label} in PingOne environment ${environmentId}…`);
        let reported = 0;
        const users = await this.client(region).listUsers(environmentId, filter, (count) => {
            if (count - reported >= PROGRESS_EVERY) {
                reported = count;
                this.output.progress(`  ${count} users read`);
            }
        });
        const populations = new Map(
            (await this.listPopulations(environmentId, region)).map((population) => [population.id, population.name]),
        );
        // Sorted, so that reports and their samples are the same from one run to the next.
        return users.map((user) => sourceUser(user, populations)).sort((a, b) => a.username.localeCompare(b.username));
    }

    private listPopulations(environmentId: string, region: string | undefined): Promise<Population[]> {
        const key = `${region ?? ""}|${environmentId}`;
        let populations = this.populations.get(key);
        if (!populations) {
            populations = this.client(region).listPopulations(environmentId);
            this.populations.set(key, populations);
        }
        return populations;
    }

    private client(region: string | undefined): PingOneClient {
        let client = this.clients.get(region ?? "");
        if (!client) {
            client = PingOneClient.fromConfig(region as PingOneRegion | undefined);
            this.clients.set(region ?? "", client);
        }
        return client;
    }
}

/** The user as rules and mappings read it: `population.name` is resolved (inferred, as the console offers it). */
function sourceUser(user: DirectoryUser, populationNames: ReadonlyMap<string, string>): SourceUser {
    const name = user.population && populationNames.get(user.population.id);
    return {
        ...user,
        ...(user.population && { population: { ...user.population, ...(name !== undefined && { name }) } }),
    };
}
