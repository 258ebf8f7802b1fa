/**
 * Hardware profiles: documented claims ("this hardware sustains N users at this activity") as immutable records
 * ({@link io.rcbench.profile.Profile} and its parts), loaded from {@code profiles/*.yaml} by
 * {@link io.rcbench.profile.ProfileLoader}, the only class that reads YAML (through package-private helpers).
 * Mix levels live in {@code profiles/mixes.yaml}, SLO and phase defaults in {@code profiles/base.yaml}.
 * Records check their ranges in their constructors ({@link io.rcbench.profile.FieldException}); the loader
 * reports every error with file, line and field.
 */
package io.rcbench.profile;
