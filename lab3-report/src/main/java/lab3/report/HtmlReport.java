package lab3.report;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** report.html: REPORT.md turned into HTML by commonmark-java, with the plots it links. */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(String markdown) {
    String body = HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Lab 3 report</title>
        <style>
        body { font-family: sans-serif; max-width: 52em; margin: 2em auto; line-height: 1.45; }
        pre { background: #f4f4f4; padding: .6em; overflow-x: auto; }
        table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .2em .6em; }
        img { max-width: 100%; border: 1px solid #ddd; }
        </style></head><body>
        """
        + body
        + "</body></html>\n";
  }
}
