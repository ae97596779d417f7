/**
 * What every command shares: `--help` with its usage, a one-line refusal of unknown flags, extra
 * arguments and bad values (exit 2), one line for a mistake in what the user gave it (exit 1),
 * and a stack trace only for a bug. Commander parses; no other module knows it.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { SeedError } from '../graph/seed-error';

/** The command was called wrongly (a flag's value, a missing argument): exit 2. */
export class UsageError extends Error {}

/** What the user gave the command is wrong (a file, a document in it): exit 1. */
export class InputError extends Error {}

interface ValueOption {
  /** Name of the value in the usage, e.g. `N` for `--units N`. */
  readonly value: string;
  readonly description: string;
  readonly default?: string;
  readonly choices?: readonly string[];
  readonly required?: boolean;
}

interface SwitchOption {
  readonly description: string;
}

type OptionSpecs = Record<string, ValueOption | SwitchOption>;

/** The options as the command receives them, by flag name: a string for a value, else a boolean. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]: O[K] extends ValueOption
    ? O[K] extends { default: string } | { required: true }
      ? string
      : string | undefined
    : boolean;
};

export interface CommandSpec<O extends OptionSpecs> {
  /** As `npm run` names it, e.g. `seed:check`. */
  readonly name: string;
  readonly summary: string;
  /** Positional arguments, e.g. `[dir]`, `<file>`, `[files...]`. */
  readonly arguments?: readonly { readonly name: string; readonly description: string }[];
  readonly options?: O;
  readonly examples?: readonly string[];
  run(args: readonly string[], options: OptionValues<O>): Promise<void> | void;
}

function isValueOption(spec: ValueOption | SwitchOption): spec is ValueOption {
  return 'value' in spec;
}

function program<O extends OptionSpecs>(spec: CommandSpec<O>, fail: (line: string) => void) {
  const command = new Command(spec.name)
    .description(spec.summary)
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({ outputError: (message) => fail(message) });
  for (const argument of spec.arguments ?? [])
    command.argument(argument.name, argument.description);
  for (const [flag, option] of Object.entries(spec.options ?? {})) {
    if (!isValueOption(option)) {
      command.addOption(new Option(`--${flag}`, option.description));
      continue;
    }
    const made = new Option(`--${flag} <${option.value}>`, option.description);
    if (option.default !== undefined) made.default(option.default);
    if (option.choices) made.choices(option.choices);
    command.addOption(made);
  }
  const examples = (spec.examples ?? []).map((e) => `  ${e}`).join('\n');
  command.addHelpText(
    'after',
    `\nRun it as \`npm run ${spec.name} -- [options]\`, or \`node dist/cli/${spec.name.replace(':', '-')}.js\` once built.${examples ? `\n\nExamples:\n${examples}` : ''}`,
  );
  return command;
}

/** One line: commander's messages come as `error: …` with suggestions on a line of their own. */
const oneLine = (text: string) =>
  text
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

/**
 * Parses `argv` (the arguments after the command) and runs the command; sets the exit code. Never
 * throws: every failure is reported on stderr.
 */
export async function runCommand<O extends OptionSpecs>(
  spec: CommandSpec<O>,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const refuse = (line: string, code: number) => {
    console.error(`${spec.name}: ${oneLine(line)}`);
    process.exitCode = code;
  };
  const command = program(spec, (line) => refuse(`${line} (see --help)`, 2));
  try {
    await command.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    // Commander has printed its message (or the help) already.
    if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : 2;
    else throw error;
    return;
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const option of command.options) {
    const flag = option.long?.replace(/^--/, '');
    if (flag !== undefined && flag !== 'help') {
      const value: unknown = command.getOptionValue(option.attributeName());
      values[flag] = option.isBoolean()
        ? value === true
        : typeof value === 'string'
          ? value
          : undefined;
    }
  }
  // Checked here rather than by commander, which would report a missing `--format` before an
  // unknown `--formt`.
  for (const [flag, option] of Object.entries(spec.options ?? {}))
    if (isValueOption(option) && option.required && values[flag] === undefined) {
      const choices = option.choices ? `: one of ${option.choices.join(', ')}` : '';
      refuse(`--${flag} is required${choices} (see --help)`, 2);
      return;
    }
  try {
    await spec.run(command.args, values as OptionValues<O>);
  } catch (error) {
    if (error instanceof UsageError) refuse(`${error.message} (see --help)`, 2);
    else if (error instanceof SeedError) {
      console.error(error.message);
      process.exitCode = 1;
    } else if (error instanceof InputError || isSystemError(error)) refuse(error.message, 1);
    else {
      // A bug, not a mistake of the user's: the stack helps whoever fixes it.
      console.error(`${spec.name}: unexpected error`, error);
      process.exitCode = 1;
    }
  }
}

/** A file that cannot be read or written (ENOENT, EACCES, EISDIR…): the user named it. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/**
 * Runs the command when the module calling this is the process's entry point (`npm run`, or
 * `node dist/cli/…`), not when a test or a benchmark imports it for its functions.
 */
export async function runWhenMain<O extends OptionSpecs>(
  moduleUrl: string,
  spec: CommandSpec<O>,
): Promise<void> {
  const entry = process.argv[1];
  if (entry !== undefined && moduleUrl === pathToFileURL(realpathSync(entry)).href)
    await runCommand(spec);
}
