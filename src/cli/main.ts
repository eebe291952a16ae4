/**
 * The `proportio` command. Exit codes (docs/cli.md): 0 ok, 1 a check failed, 64 usage,
 * 65 bad data, 66 not found, 69 unavailable, 70 internal, 75 try again, 77 not allowed,
 * 78 configuration.
 */
import { Command, CommanderError } from 'commander';
import { registerBackupCommands } from './commands/backup.command.js';
import { registerAlarmCommands } from './commands/alarm.command.js';
import { registerHoldCommands } from './commands/hold.command.js';
import { registerAssessCommand } from './commands/assess.command.js';
import { registerExportCommands } from './commands/export.command.js';
import { registerFootageCommands } from './commands/footage.command.js';
import { registerLocalCommands } from './commands/local.command.js';
import { registerPolicyCommands } from './commands/policy.command.js';
import { registerVaultCommands } from './commands/vault.command.js';
import { registerRegistryCommands } from './commands/registry.command.js';
import { registerComplaintCommands } from './commands/complaints.command.js';
import { registerRightsCommands } from './commands/rights.command.js';
import { registerDossierCommand } from './commands/dossier.command.js';
import { registerAgentCommands } from './commands/agent.command.js';
import { StorageFullError } from '../core/result.js';
import { CliError, EXIT, processIo, type CliIo } from './io.js';

export const buildProgram = (io: CliIo): Command => {
  const program = new Command('proportio')
    .description(
      'Proportio: staff alarms, proportionality assessments and lawful recording for interview rooms',
    )
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run with --help for usage)');
  registerLocalCommands(program, io);
  registerBackupCommands(program, io);
  registerRegistryCommands(program, io);
  registerAssessCommand(program, io);
  registerPolicyCommands(program, io);
  registerVaultCommands(program, io);
  // After the vault commands: adds to their `clip` command.
  registerHoldCommands(program, io);
  registerAlarmCommands(program, io);
  registerExportCommands(program, io);
  registerFootageCommands(program, io);
  registerRightsCommands(program, io);
  registerComplaintCommands(program, io);
  registerDossierCommand(program, io);
  registerAgentCommands(program, io);
  // Every subcommand reports usage errors the same way.
  const harden = (cmd: Command) => {
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
    cmd.commands.forEach(harden);
  };
  program.commands.forEach(harden);
  return program;
};

export const main = async (argv: readonly string[], io: CliIo = processIo): Promise<number> => {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return EXIT.OK;
      return EXIT.USAGE;
    }
    if (e instanceof StorageFullError) {
      io.err(`proportio: STORAGE.FULL: ${e.message}`);
      return EXIT.TEMP_FAIL;
    }
    if (e instanceof CliError) {
      if (e.message) io.err(`proportio: ${e.message}`);
      return e.exitCode;
    }
    io.err(`proportio: internal error: ${(e as Error).stack ?? String(e)}`);
    return EXIT.SOFTWARE;
  }
};
