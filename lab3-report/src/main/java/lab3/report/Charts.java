package lab3.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's pictures, drawn with JFreeChart (headless) into {@code out/plots/*.png}: a
 * time-sequence plot per captured session (like Wireshark's stream graph: the server's bytes
 * against time, each read() or on_message call a vertical line), and Q15's histogram against the
 * geometric law.
 */
public final class Charts {
  private static final int WIDTH = 760;
  private static final int HEIGHT = 380;

  /** More call markers than this make a grey smear; beyond it, only the first ones are drawn. */
  private static final int MAX_MARKERS = 400;

  private Charts() {}

  /** The file name (without .png) of a session's plot. */
  public static String name(StreamRun r) {
    return (r.transport().equals("TCP") ? "part2-" : "part5-")
        + r.command().replace(':', '-')
        + "-"
        + r.readBuffer();
  }

  /** Writes every picture the run's results allow; returns how many. */
  public static int write(LabReport.Run run, Path out) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path dir = out.resolve("plots");
    Files.createDirectories(dir);
    int n = 0;
    Part2Experiment.Result p2 = run.result("part2", Part2Experiment.Result.class);
    Part5Experiment.Result p5 = run.result("part5", Part5Experiment.Result.class);
    for (var runs :
        java.util.Arrays.asList(p2 == null ? null : p2.runs(), p5 == null ? null : p5.runs())) {
      if (runs == null) {
        continue;
      }
      for (StreamRun r : runs) {
        if (r.capture() != null) {
          sequence(r, dir.resolve(name(r) + ".png"));
          n++;
        }
      }
    }
    Part3Experiment.Result p3 = run.result("part3", Part3Experiment.Result.class);
    if (p3 != null) {
      histogram(p3, dir.resolve("part3-histogram.png"));
      n++;
    }
    return n;
  }

  static void sequence(StreamRun r, Path file) throws IOException {
    XYSeries bytes = new XYSeries("server's bytes sent (each point a segment's end)");
    long total = 0;
    bytes.add(0, 0);
    for (StreamRun.Segment s : r.segments()) {
      total += s.bytes();
      bytes.add(s.time() * 1e3, total);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            r.transport()
                + " "
                + r.command()
                + ": "
                + r.segments().size()
                + " segments, "
                + r.calls()
                + (r.transport().equals("TCP") ? " read() calls" : " on_message calls")
                + " (grey lines)",
            "time since connect (ms)",
            "bytes from the server",
            new XYSeriesCollection(bytes),
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, new Color(0x1f77b4));
    plot.setRenderer(renderer);
    int markers = 0;
    for (double t : r.callTimes()) {
      if (markers++ >= MAX_MARKERS) {
        break;
      }
      ValueMarker m = new ValueMarker(t * 1e3, new Color(0x999999), new BasicStroke(0.6f));
      plot.addDomainMarker(m);
    }
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
  }

  static void histogram(Part3Experiment.Result r, Path file) throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Map.Entry<Integer, Integer> e : r.histogram().entrySet()) {
      String k = Integer.toString(e.getKey());
      data.addValue(e.getValue(), "runs measured", k);
      data.addValue(
          r.geometric().get(e.getKey()) * r.runs(),
          "geometric law, p = " + String.format(java.util.Locale.ROOT, "%.3f", r.lossEstimate()),
          k);
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Q15: packets sent per ack, " + r.runs() + " runs",
            "packets per ack",
            "runs",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
    chart.getCategoryPlot().setRangeGridlinePaint(new Color(0xdddddd));
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
  }
}
