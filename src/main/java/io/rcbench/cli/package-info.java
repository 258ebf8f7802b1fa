/** The command line: one class per subcommand, wiring only. */
package io.rcbench.cli;
