using System.Globalization;
using Headway.Core.Reviews;
using ScottPlot;

namespace Headway.Web.Reviews;

/// <summary>
/// The review's charts, drawn by ScottPlot as SVG on the server from a <see cref="ReviewHistory"/>. Pages show them
/// with &lt;img&gt; (the CSP allows no inline style, and the SVG has none) and the same numbers in a table.
/// </summary>
public static class Charts
{
    // Drawn at about twice a phone's width and scaled by the <img>: the text sizes below stay readable at 360 px.
    private const int Width = 720;
    private const int Height = 360;

    // A font every Debian with a browser has; the browser falls back to its own if the viewer lacks it.
    private const string Font = "DejaVu Sans";

    // Colour-blind-safe (Okabe–Ito), distinct for the five active goals and a few closed ones.
    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#56B4E9"), Color.FromHex("#D55E00"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
    ];

    public static string WeekLabel(DateOnly start) => start.ToString("d MMM", CultureInfo.InvariantCulture);

    /// <summary>Outcomes per goal per week, stacked, one colour per goal.</summary>
    public static string OutcomesPerGoal(ReviewHistory history)
    {
        var plot = NewPlot(history, "Outcomes per goal per week");
        for (var w = 0; w < history.Weeks.Count; w++)
        {
            var below = 0;
            for (var g = 0; g < history.Goals.Count; g++)
            {
                var n = history.Weeks[w].OutcomesFor(history.Goals[g].Id);
                if (n > 0)
                {
                    plot.Add.Bar(new Bar { Position = w, ValueBase = below, Value = below + n, FillColor = Palette[g % Palette.Length], LineWidth = 0 });
                    below += n;
                }
            }
        }

        for (var g = 0; g < history.Goals.Count; g++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Cut(history.Goals[g].Title), FillColor = Palette[g % Palette.Length] });
        }

        if (history.Goals.Count > 0)
        {
            // Below the plot, where it hides no bar.
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.FontSize = 14;
        }

        var most = history.Weeks.Count == 0 ? 0 : history.Weeks.Max(w => w.Outcomes);
        CountAxis(plot, most);
        return Svg(plot);
    }

    /// <summary>One goal's outcomes per week, as bars.</summary>
    public static string OutcomesOfGoal(ReviewHistory history, long goalId, string title)
    {
        var plot = NewPlot(history, $"Outcomes per week: {Cut(title)}");
        for (var w = 0; w < history.Weeks.Count; w++)
        {
            if (history.Weeks[w].OutcomesFor(goalId) is var n and > 0)
            {
                plot.Add.Bar(new Bar { Position = w, Value = n, FillColor = Palette[0], LineWidth = 0 });
            }
        }

        CountAxis(plot, history.Weeks.Max(w => w.OutcomesFor(goalId)));
        return Svg(plot);
    }

    /// <summary>
    /// The progress ratio week by week as a line; a week with nothing completed has no ratio and is left out (a gap in
    /// the markers, not a fall to zero). Bars behind show how many actions were completed.
    /// </summary>
    public static string ProgressTrend(ReviewHistory history)
    {
        var plot = NewPlot(history, "Progress ratio per week");
        var weeks = Enumerable.Range(0, history.Weeks.Count).Where(i => history.Weeks[i].Completed > 0).ToList();
        if (weeks.Count > 0)
        {
            var line = plot.Add.Scatter(weeks.Select(i => (double)i).ToArray(), weeks.Select(i => Math.Round(history.Weeks[i].ProgressRatio * 100)).ToArray());
            line.Color = Palette[0];
            line.LineWidth = 2;
            line.MarkerSize = 8;
        }

        plot.Add.HorizontalLine(50, 1, Colors.Gray, LinePattern.Dashed);
        plot.Axes.SetLimitsY(0, 105);
        plot.Axes.Left.SetTicks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"]);
        plot.Axes.Left.Label.Text = "progress ratio";
        return Svg(plot);
    }

    // Outcomes are whole numbers: no 0.5 ticks.
    private static void CountAxis(Plot plot, int most)
    {
        plot.Axes.SetLimitsY(0, Math.Max(4, most + 1));
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Left.Label.Text = "outcomes";
    }

    private static Plot NewPlot(ReviewHistory history, string title)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Legend.FontName = Font;
        plot.Title(title, size: 20);
        plot.Axes.Title.Label.FontName = Font;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        plot.Axes.Bottom.Label.FontSize = 16;
        plot.Axes.Left.Label.FontSize = 16;
        // Every second week is labelled: twelve dates do not fit side by side on a phone.
        var positions = Enumerable.Range(0, history.Weeks.Count).ToArray();
        var labels = positions.Select(i => (history.Weeks.Count - 1 - i) % 2 == 0 ? WeekLabel(history.Weeks[i].Week.Start) : "").ToArray();
        plot.Axes.Bottom.SetTicks([.. positions.Select(p => (double)p)], labels);
        plot.Axes.SetLimitsX(-0.6, history.Weeks.Count - 0.4);
        plot.Axes.Bottom.Label.Text = "week starting";
        plot.Grid.XAxisStyle.IsVisible = false;
        return plot;
    }

    // Without a viewBox an SVG shown in an <img> narrower than its width is cut off instead of scaled down.
    private static string Svg(Plot plot) =>
        plot.GetSvgXml(Width, Height).Replace(
            $"width=\"{Width}\" height=\"{Height}\">",
            $"width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">",
            StringComparison.Ordinal);

    private static string Cut(string text) => text.Length <= 40 ? text : text[..39] + "…";
}
