import type * as pulumi from "@pulumi/pulumi";

/** Keys of `T` that may be left out. */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/** Each value of `A` is accepted by `B`. */
type Assignable<A, B> = [A] extends [B] ? true : false;

/**
 * Fields where a value the Args type allows (unwrapped from its `Input`s) is rejected by the schema's type, or a
 * value the schema accepts cannot be written into the Args type.
 */
type MismatchedKeys<Args, Input> = {
    [K in keyof Args & keyof Input]-?: Assignable<
        NonNullable<pulumi.Unwrap<Args[K]>>,
        NonNullable<Input[K]>
    > extends true
        ? Assignable<NonNullable<Input[K]>, NonNullable<Args[K]>> extends true
            ? never
            : K
        : K;
}[keyof Args & keyof Input];

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Args properties that are not `readonly`. */
type MutableKeys<Args> = {
    [K in keyof Args]-?: Equals<Pick<Args, K>, Readonly<Pick<Args, K>>> extends true ? never : K;
}[keyof Args];

/** Inputs the resource class sets itself, never a user's Args (see resourceOwner.ts). */
type ClassSetInputs = "managedBy";

/**
 * How a public Args type differs from what its provider accepts (`z.input` of the input schema): fields missing
 * from the Args, extra fields, fields optional on one side only, fields of another type, and fields not `readonly`.
 * `true` when they match.
 */
export type ArgsDrift<Args, SchemaInput> = ArgsDriftOf<Args, Omit<SchemaInput, ClassSetInputs>>;

type ArgsDriftOf<Args, Input> = [
    Exclude<keyof Input, keyof Args>,
    Exclude<keyof Args, keyof Input>,
    (
        | Exclude<OptionalKeys<Args> & keyof Input, OptionalKeys<Input>>
        | Exclude<OptionalKeys<Input> & keyof Args, OptionalKeys<Args>>
    ),
    MismatchedKeys<Args, Input>,
    MutableKeys<Args>,
] extends [never, never, never, never, never]
    ? true
    : {
          missingFromArgs: Exclude<keyof Input, keyof Args>;
          notInSchema: Exclude<keyof Args, keyof Input>;
          optionalOnOneSideOnly:
              | Exclude<OptionalKeys<Args> & keyof Input, OptionalKeys<Input>>
              | Exclude<OptionalKeys<Input> & keyof Args, OptionalKeys<Args>>;
          differentType: MismatchedKeys<Args, Input>;
          notReadonly: MutableKeys<Args>;
      };

/**
 * Compiles only when `Drift` is `true`: `type _ArgsMatchSchema = AssertArgsMatch<ArgsDrift<FooArgs, z.input<…>>>`
 * next to an Args type makes `npm run typecheck` fail, listing the differing fields, when Args and schema drift.
 */
export type AssertArgsMatch<Drift extends true> = Drift;
