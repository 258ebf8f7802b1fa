package io.rcbench.report;

/** The report's one stylesheet, inlined into every page so a report opens without network access. */
final class PageStyle {
    private PageStyle() {
    }

    static final String CSS = """
        :root{--ink:#1d2733;--muted:#5f6b7a;--line:#dde3ea;--bg:#f5f7fa;--card:#fff;--pass:#2e7d32;--fail:#c62828;
        --inc:#b26a00;--accent:#1f4e79}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 "DejaVu Sans","Segoe UI",Roboto,Helvetica,Arial,sans-serif}
        header.top{background:#16324f;color:#fff;padding:18px 32px 16px}
        header.top h1{margin:0;font-size:22px;font-weight:600;letter-spacing:.2px}
        header.top .sub{color:#c9d6e3;margin-top:4px}
        header.top a{color:#9fd0ff}
        main{max-width:1480px;margin:0 auto;padding:20px 32px 40px}
        section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:0 0 18px}
        h2{font-size:17px;margin:0 0 12px;color:var(--accent)}
        h3{font-size:14px;margin:14px 0 8px}
        p.note{color:var(--muted);margin:6px 0 0;font-size:12.5px}
        .badge{display:inline-block;white-space:nowrap;padding:2px 10px;border-radius:12px;font-weight:700;font-size:12px;letter-spacing:.5px;color:#fff}
        .PASS{background:var(--pass)}.FAIL{background:var(--fail)}.INCONCLUSIVE,.NONE{background:var(--inc)}
        .verdicts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:14px}
        .verdict{border:1px solid var(--line);border-left:6px solid var(--inc);border-radius:6px;padding:12px 14px}
        .verdict.vPASS{border-left-color:var(--pass)}.verdict.vFAIL{border-left-color:var(--fail)}
        .verdict h3{margin:0 0 6px;display:flex;gap:10px;align-items:center}
        .verdict ul{margin:4px 0 8px 18px;padding:0}
        .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(118px,1fr));gap:10px}
        .tile{border:1px solid var(--line);border-radius:6px;padding:10px 12px}
        .tile .v{font-size:21px;white-space:nowrap;font-weight:600;font-variant-numeric:tabular-nums}
        .tile .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.4px}
        .cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:18px}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
        th,td{padding:5px 9px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
        th{font-weight:600;background:#f0f3f7}
        td:first-child,th:first-child{text-align:left}
        table.kv td:first-child{color:var(--muted);width:40%}
        table.kv td{text-align:left}
        tr.raw td{color:var(--muted);font-size:12.5px}
        tr.raw td:first-child{padding-left:22px}
        td.warn{color:var(--fail);font-weight:600}
        td.better{background:#e8f5e9;color:#1b5e20}td.worse{background:#ffebee;color:#b71c1c;font-weight:600}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}
        figure.chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px 10px 6px;background:#fff}
        figure.chart figcaption{font-weight:600;margin:0 0 4px;font-size:13px}
        figure.chart svg{width:100%;height:auto;display:block}
        figure.chart p.empty{color:var(--muted);margin:20px 0}
        svg .plot{fill:#fcfdfe}svg .frame{fill:none;stroke:#9aa7b5;stroke-width:1}
        svg .grid{stroke:#e6eaef;stroke-width:1}svg .xgrid{stroke:#f0f2f5;stroke-width:1}
        svg text{font-family:inherit}svg .tick{font-size:11px;fill:#5f6b7a}svg .axis{font-size:11.5px;fill:#3b4754}
        svg .bandlabel{font-size:10.5px;fill:#2e7d32}svg .limitlabel{font-size:10.5px;fill:#c62828;font-weight:600}svg .limit{stroke:#c62828;stroke-width:1.2;stroke-dasharray:6 3}
        svg .marker{stroke-width:1.5;stroke-dasharray:4 3}svg .markerlabel{font-size:11px;font-weight:600}
        .legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:#3b4754;padding:2px 4px}
        .legend i{display:inline-block;width:18px;border-top:2.5px solid;vertical-align:middle;margin-right:5px}
        table.runs td:nth-child(3),table.runs td:nth-child(4),table.runs th:nth-child(3),table.runs th:nth-child(4){text-align:left}
        table.runs td:nth-child(4){white-space:normal;min-width:220px}
        td.verdicts-cell{text-align:left;white-space:normal;min-width:280px}td.verdicts-cell .badge{margin:1px 0}
        a{color:#1565c0}
        footer{color:var(--muted);font-size:12px;text-align:center;padding:10px}
        """;
}
