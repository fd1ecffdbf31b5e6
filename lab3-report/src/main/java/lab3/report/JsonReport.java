package lab3.report;

import static lab3.report.Json.quote;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * report.json: every figure of the run, machine-readable. Records become objects (their components
 * by name), lists arrays, maps objects; nothing is left out or rounded.
 */
public final class JsonReport {
  private JsonReport() {}

  public static String render(LabReport.Run run) {
    StringBuilder s = new StringBuilder();
    s.append("{\"started\":").append(quote(run.started()));
    s.append(",\"command\":").append(quote(run.command()));
    ReportContext c = run.context();
    s.append(",\"network\":{\"name\":").append(quote(c.network().name()));
    s.append(",\"profile\":").append(quote(c.network().profile()));
    s.append(",\"mtu\":").append(c.network().mtu()).append('}');
    s.append(",\"capture\":").append(c.noCapture().isEmpty() ? "null" : quote(c.noCapture().get()));
    s.append(",\"messages\":").append(c.messages());
    s.append(",\"runs\":").append(c.runs());
    s.append(",\"loss\":").append(c.loss());
    s.append(",\"seed\":").append(c.seed());
    s.append(",\"experiments\":[");
    String sep = "";
    for (LabReport.Outcome o : run.outcomes()) {
      s.append(sep);
      value(s, o);
      sep = ",";
    }
    s.append("]}\n");
    return s.toString();
  }

  static void value(StringBuilder s, Object v) {
    if (v == null) {
      s.append("null");
    } else if (v instanceof String str) {
      s.append(quote(str));
    } else if (v instanceof Double d) {
      s.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
    } else if (v instanceof Number || v instanceof Boolean) {
      s.append(v);
    } else if (v instanceof Map<?, ?> m) {
      s.append('{');
      String sep = "";
      for (var e : m.entrySet()) {
        s.append(sep).append(quote(String.valueOf(e.getKey()))).append(':');
        value(s, e.getValue());
        sep = ",";
      }
      s.append('}');
    } else if (v instanceof Collection<?> c) {
      s.append('[');
      String sep = "";
      for (Object o : c) {
        s.append(sep);
        value(s, o);
        sep = ",";
      }
      s.append(']');
    } else if (v instanceof Object[] a) {
      value(s, java.util.Arrays.asList(a));
    } else if (v.getClass().isRecord()) {
      s.append('{');
      String sep = "";
      for (RecordComponent rc : v.getClass().getRecordComponents()) {
        try {
          Object x = rc.getAccessor().invoke(v);
          s.append(sep).append(quote(rc.getName())).append(':');
          value(s, x);
          sep = ",";
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      s.append('}');
    } else {
      s.append(quote(v.toString()));
    }
  }
}
