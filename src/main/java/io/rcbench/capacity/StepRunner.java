package io.rcbench.capacity;

import io.rcbench.run.RunFolder;

/** Runs one level of a capacity search and says how it went; implemented by the main job (or a test). */
@FunctionalInterface
public interface StepRunner {
    /** The verdict's status of the run at {@code activeUsers} and the folder it was written to. */
    Result run(int activeUsers, boolean confirmation) throws Exception;

    record Result(String status, RunFolder folder) {
    }
}
