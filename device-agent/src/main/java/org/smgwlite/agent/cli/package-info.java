/**
 * The {@code device-agent} command line: a dispatcher and one class per subcommand.
 * Subcommands only parse arguments and print; the work happens in the library packages.
 */
package org.smgwlite.agent.cli;
