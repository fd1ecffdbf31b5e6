package lab3.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report's files from a run's records: REPORT.md, report.html, report.json and the charts, in
 * an output folder where the experiments already left their captures ({@code captures/}).
 */
public final class ReportFiles {
  private ReportFiles() {}

  /** Writes the four outputs (the captures are already there); returns their paths. */
  public static List<Path> write(LabReport.Run run, Path out) throws IOException {
    Charts.write(run, out);
    String md = MarkdownReport.render(run);
    Path mdFile = out.resolve("REPORT.md");
    Path html = out.resolve("report.html");
    Path json = out.resolve("report.json");
    Files.writeString(mdFile, md);
    Files.writeString(html, HtmlReport.render(md));
    Files.writeString(json, JsonReport.render(run));
    Path captures = out.resolve("captures");
    Files.createDirectories(captures);
    return List.of(mdFile, html, json, captures);
  }
}
