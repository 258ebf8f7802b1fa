package io.rcbench.verdict;

import java.util.List;

/**
 * A run's verdict for one profile: the status, every SLO's result and, when INCONCLUSIVE, why.
 *
 * @param inconclusiveReasons why the run cannot say (injector over budget, too few samples); empty on PASS
 */
public record Verdict(String profile, Status status, List<SloResult> slos, List<String> inconclusiveReasons) {
    public Verdict {
        slos = List.copyOf(slos);
        inconclusiveReasons = List.copyOf(inconclusiveReasons);
    }

    public int exitCode() {
        return status.exitCode();
    }

    /** The SLOs missed. */
    public List<SloResult> missed() {
        return slos.stream().filter(s -> s.outcome() == SloResult.Outcome.MISSED).toList();
    }

    /** The verdict as printed: a headline, one line per SLO, the reasons. */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(profile).append(": ").append(status).append('\n');
        for (SloResult s : slos) {
            String mark = switch (s.outcome()) {
                case MET -> "ok   ";
                case MISSED -> "MISS ";
                case TOO_FEW_SAMPLES -> "FEW  ";
                case NOT_JUDGED -> "--   ";
            };
            b.append("  ").append(mark).append(s.text()).append('\n');
        }
        for (String r : inconclusiveReasons) {
            b.append("  inconclusive: ").append(r).append('\n');
        }
        return b.toString();
    }
}
