/**
 * Verdicts: a run's measurement over the hold window plus a profile's SLOs and injector budget give PASS, FAIL
 * or INCONCLUSIVE, each SLO with its measured value, threshold and margin. Pure: no I/O, no clock; the caller
 * windows histograms and health to the hold phase. Exit codes for commands are in {@link io.rcbench.verdict.ExitCodes}.
 */
package io.rcbench.verdict;
