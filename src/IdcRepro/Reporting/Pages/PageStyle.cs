namespace IdcRepro.Reporting.Pages;

/// <summary>
/// The report's inline style sheet: system fonts only (nothing fetched), readable tables and figures, print-friendly.
/// </summary>
internal static class PageStyle
{
    public const string Css = """
        :root { --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --soft: #f6f8fa; --accent: #0b5cad; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #fff; color: var(--ink);
               font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", Arial,
                     sans-serif; }
        main { max-width: 1200px; margin: 0 auto; padding: 28px 32px 64px; }
        h1 { font-size: 30px; line-height: 1.25; margin: 0 0 6px; }
        h2 { font-size: 22px; margin: 44px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 18px; margin: 28px 0 8px; }
        p { margin: 10px 0; max-width: 80ch; }
        p.lead { font-size: 19px; max-width: none; margin: 14px 0 18px; }
        p.note, p.holds, p.fails { max-width: none; padding: 10px 14px; border-radius: 6px; border-left: 5px solid; }
        p.note { background: #eef5fc; border-color: #4a8fd6; }
        p.holds { background: #edf7ee; border-color: #2e8540; }
        p.fails { background: #fdf3e7; border-color: #d4761a; }
        nav.toc { font-size: 14px; padding: 10px 0 4px; border-bottom: 1px solid var(--rule); }
        nav.toc a { color: var(--accent); text-decoration: none; margin-right: 16px; white-space: nowrap; }
        nav.toc a:hover { text-decoration: underline; }
        table { border-collapse: collapse; margin: 10px 0 6px; font-size: 14.5px; font-variant-numeric: tabular-nums; }
        th, td { padding: 6px 12px; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
        th { background: var(--soft); font-weight: 600; border-bottom: 2px solid var(--rule); }
        td.num, th.num { text-align: right; white-space: nowrap; }
        tbody tr:nth-child(even) td { background: #fbfcfd; }
        .table-wrap { overflow-x: auto; }
        .caption { color: var(--muted); font-size: 14px; margin: 4px 0 18px; max-width: 110ch; }
        figure { margin: 14px 0 22px; }
        figure .row { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
        figure .row > div { flex: 0 1 auto; min-width: 0; }
        figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 4px;
                     background: #fff; }
        figcaption { color: var(--muted); font-size: 14px; margin-top: 8px; max-width: 110ch; }
        ul { margin: 8px 0; padding-left: 22px; } li { margin: 3px 0; }
        pre { background: var(--soft); border: 1px solid var(--rule); border-radius: 6px; padding: 12px 14px;
              overflow-x: auto; font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        @media print { main { max-width: none; padding: 0; } nav.toc { display: none; } h2 { break-after: avoid; }
                       figure { break-inside: avoid; } }
        """;
}
