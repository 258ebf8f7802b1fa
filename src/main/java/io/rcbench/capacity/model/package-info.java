/**
 * A scalability model of a capacity curve: the Universal Scalability Law fitted to the steps of a capacity search
 * (active users to completed actions/s), with bootstrap intervals, goodness of fit and warnings. Pure: no I/O, no
 * clock; randomness only from a given seed. {@link io.rcbench.capacity.model.UslFit} is the least-squares fit,
 * {@link io.rcbench.capacity.model.UslBootstrap} the resampling, {@link io.rcbench.capacity.model.ModelWarnings}
 * the rules for distrust, and {@link io.rcbench.capacity.model.ScalabilityAnalysis} puts them together into the
 * {@link io.rcbench.run.ScalabilityModel} written beside the curve.
 */
package io.rcbench.capacity.model;
