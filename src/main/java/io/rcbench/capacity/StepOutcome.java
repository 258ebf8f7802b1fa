package io.rcbench.capacity;

/**
 * One measured level: whether it held the SLOs, and whether it was a confirmation of an earlier pass.
 *
 * @param status PASS, FAIL or INCONCLUSIVE as the verdict said; only PASS counts as holding
 */
public record StepOutcome(int activeUsers, String status, boolean confirmation) {
    public boolean passed() {
        return "PASS".equals(status);
    }
}
