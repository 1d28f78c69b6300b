/// The report's style sheet: a calm layout for the screen (charts beside their tables, stacked
/// on narrow screens) and A4 pages in print (12 mm margins, 9.5 pt text, no figure split across
/// pages, colours kept). A key figure wraps inside its box rather than overflow it, and a long one
/// (an amount in kroner) is set smaller.
extension ReportHTML {
    static let css = """
        :root { color-scheme: light; --ink: #1d2733; --muted: #5b6775; --rule: #d9dee4; --soft: #f4f6f8; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1120px; margin: 0 auto; padding: 28px 28px 48px; }
        header { border-bottom: 3px solid var(--ink); padding-bottom: 12px; margin-bottom: 20px; }
        .kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); }
        h1 { margin: 4px 0 6px; font-size: 28px; line-height: 1.2; }
        h2 { font-size: 19px; margin: 30px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 15px; margin: 18px 0 8px; }
        .period, .source { margin: 2px 0; color: var(--muted); font-size: 14px; }
        .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 8px 0 12px; }
        .kpi { min-width: 0; background: var(--soft); border-top: 4px solid #1f5f8b; padding: 10px 12px 12px; border-radius: 2px; }
        .kpi .value { font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.15; overflow-wrap: anywhere; }
        .kpi .value.long { font-size: 20px; }
        .kpi .label { font-size: 13px; margin-top: 2px; }
        .kpi .note { font-size: 12px; color: var(--muted); margin-top: 4px; }
        .explain { color: var(--muted); font-size: 13px; margin: 6px 0 10px; }
        .figure { display: grid; grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr); gap: 20px; align-items: start; margin: 8px 0 14px; }
        .table-box { min-width: 0; overflow-x: auto; }
        .table-box table { font-size: 12.5px; }
        .chart-box { min-width: 0; }
        .chart { width: 100%; height: auto; display: block; }
        .chart .grid { stroke: #e3e7eb; stroke-width: 1; }
        .chart .target { stroke: #b3261e; stroke-width: 1.6; stroke-dasharray: 6 4; }
        .chart .axis { font-size: 11px; fill: #5b6775; }
        .chart .value { font-size: 10.5px; fill: #1d2733; }
        .chart .legend { font-size: 12px; fill: #1d2733; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding: 2px 0 6px; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        th { background: var(--soft); font-weight: 600; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        table.compact td, table.compact th { padding: 3px 6px; }
        table.list { font-size: 12px; }
        table.rates { max-width: 560px; }
        dl { margin: 0; }
        dt { font-weight: 600; margin-top: 10px; }
        dd { margin: 2px 0 0; color: #35414e; font-size: 13.5px; }
        @media (max-width: 760px) {
          main { padding: 16px; }
          .figure { grid-template-columns: 1fr; }
          h1 { font-size: 23px; }
        }
        @page { size: A4; margin: 12mm 12mm 14mm; }
        @media print {
          body { font-size: 9.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          main { max-width: none; padding: 0; }
          h1 { font-size: 18pt; }
          h2 { font-size: 13pt; margin-top: 14pt; break-after: avoid; page-break-after: avoid; }
          .kpi .value { font-size: 16pt; }
          .figure, .kpis, table.rates, .headline { break-inside: avoid; page-break-inside: avoid; }
          .figure { grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr); gap: 10pt; }
          .table-box { overflow: visible; }
          .table-box table { font-size: 8pt; }
          .kpi .value.long { font-size: 13pt; }
          table { font-size: 8.5pt; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          .definitions dd { font-size: 8.5pt; }
        }
        """
}
